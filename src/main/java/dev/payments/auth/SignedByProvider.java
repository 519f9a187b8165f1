package dev.payments.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An /api/v1 route without a bearer token: a payment provider's webhook, which the route verifies by the provider's
 * own signature instead. {@link AuthFilter} lets it through untouched.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedByProvider {
}
