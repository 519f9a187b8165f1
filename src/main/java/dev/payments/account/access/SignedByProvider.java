package dev.payments.account.access;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An /api/v1 route without a bearer token: a payment provider's webhook, which the route verifies by the provider's
 * own signature instead. {@link AuthFilter} lets it through untouched; a filter annotated with it runs on such routes
 * only (a name binding: nothing is looked up per request).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedByProvider {
}
