package dev.payments.webhooks.stripeimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Stripe history import (contract section 8). */
@ConfigMapping(prefix = "payments.stripe-import")
public interface StripeImportConfig {

    /** PAYMENTS_STRIPE_IMPORT_API_BASE: where Stripe's API answers (tests point it at a fake). */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    /** PAYMENTS_STRIPE_IMPORT_DEADLINE: an import still running this long after it started ends failed. */
    @WithDefault("30m")
    Duration deadline();

    /**
     * PAYMENTS_STRIPE_IMPORT_STALE_AFTER: a running import whose heartbeat (moved at each page, and at each wait) is
     * older than this counts as failed, its instance having stopped; above the longest wait and read timeout.
     */
    @WithDefault("5m")
    Duration staleAfter();

    /** PAYMENTS_STRIPE_IMPORT_MAX_RETRIES: how often one page is asked again after a 429, a 5xx or no answer. */
    @WithDefault("6")
    int maxRetries();

    /** PAYMENTS_STRIPE_IMPORT_RETRY_DELAY: the first wait before asking again; it doubles with each retry. */
    @WithDefault("1s")
    Duration retryDelay();

    /** PAYMENTS_STRIPE_IMPORT_MAX_RETRY_DELAY: the longest wait, whatever Retry-After asks. */
    @WithDefault("60s")
    Duration maxRetryDelay();

    /** PAYMENTS_STRIPE_IMPORT_READ_TIMEOUT: how long one request to Stripe may take. */
    @WithDefault("60s")
    Duration readTimeout();

    /** PAYMENTS_STRIPE_IMPORT_PAGE_SIZE: objects per list page (Stripe allows 1 to 100). */
    @WithDefault("100")
    int pageSize();
}
