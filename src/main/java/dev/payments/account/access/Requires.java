package dev.payments.account.access;

import dev.payments.account.credentials.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares what a resource method needs; {@link AuthFilter} enforces it before the method runs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

    /** Any one of these permissions (or *) lets the request through. */
    Permission[] value();

    /** And each of these too (or *): what the route lets the caller set up, it must be allowed to do itself. */
    Permission[] also() default {};

    WebsiteScope website() default WebsiteScope.NONE;

    /** Whether the route records tracking data, which a website with suspended tracking may not do. */
    boolean tracking() default false;
}
