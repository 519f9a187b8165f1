package dev.payments.webhooks.stripeimport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiResource;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import dev.payments.webhooks.providers.EventFields;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Stripe's list API read page by page ({@code has_more}, {@code starting_after}) through stripe-java's transport (its
 * authentication, pinned API version and headers), each object as the raw JSON Stripe sent: the webhooks' mapping reads
 * that, and no typed model needs reflection in the native image. stripe-java's own retries are off (it does not retry a
 * 429 and ignores Retry-After): a 429, a 5xx or no answer is asked again here, waiting as Retry-After says or
 * exponentially, a bounded number of times and never past the import's deadline.
 */
final class StripePages {

    /** Why an import stopped, in words of our own: Stripe's messages may echo part of the key. */
    static final class ImportFailed extends RuntimeException {

        ImportFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What is done with each object of a list. */
    @FunctionalInterface
    interface Each {
        void accept(JsonNode object) throws SQLException;
    }

    private final NotingClient http = new NotingClient();
    private final StripeClient client;
    private final StripeImportConfig config;
    private final ObjectMapper json;
    private final Instant deadline;
    private final Runnable heartbeat;

    /** {@code heartbeat} runs after each page and before each wait. */
    StripePages(String apiKey, StripeImportConfig config, ObjectMapper json, Instant deadline, Runnable heartbeat) {
        this.client = StripeClient.builder().setApiKey(apiKey).setApiBase(config.apiBase()).setMaxNetworkRetries(0)
                .setReadTimeout((int) config.readTimeout().toMillis()).setHttpClient(http).build();
        this.config = config;
        this.json = json;
        this.deadline = deadline;
        this.heartbeat = heartbeat;
    }

    /**
     * Every object of the list at {@code path} with the (URL-encoded) filters, created from {@code since} on (all when
     * null).
     */
    void forEach(String path, String filters, Instant since, Each each) throws SQLException {
        String after = null;
        boolean more = true;
        while (more) {
            JsonNode page = get(path, "?limit=" + config.pageSize() + filters
                    + (since == null ? "" : "&created%5Bgte%5D=" + since.getEpochSecond())
                    + (after == null ? "" : "&starting_after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            JsonNode data = page.path("data");
            if (!data.isArray()) {
                throw new ImportFailed("Stripe's answer to " + path + " was not a list");
            }
            for (JsonNode object : data) {
                each.accept(object);
            }
            heartbeat.run();
            after = data.isEmpty() ? null : EventFields.text(data.get(data.size() - 1), "id");
            more = page.path("has_more").asBoolean(false) && after != null;
        }
    }

    private JsonNode get(String path, String query) {
        for (int attempt = 1; ; attempt++) {
            checkDeadline();
            try {
                return json.readTree(client.rawRequest(ApiResource.RequestMethod.GET, path + query, null).body());
            } catch (JacksonException e) {
                throw new ImportFailed("Stripe's answer to " + path + " was not JSON");
            } catch (Exception e) {
                // stripe-java's exception, whose message may quote the key: only the status noted is used
                int status = http.status;
                if (!retried(status) || attempt > config.maxRetries()) {
                    throw new ImportFailed(failure(status, path, attempt));
                }
                heartbeat.run();
                pause(delay(attempt, http.retryAfter));
            }
        }
    }

    private boolean retried(int status) {
        return (status == 429 || status >= 500 || status == 0) && !"false".equals(http.shouldRetry);
    }

    private String failure(int status, String path, int attempts) {
        String tries = attempts == 1 ? "" : " (" + attempts + " attempts)";
        return switch (status) {
            case 0 -> "Stripe's API at " + config.apiBase() + " did not answer" + tries;
            case 401 -> "Stripe did not accept the API key (401)";
            case 403 -> "the API key may not read " + path + " (403): a restricted key needs read access to checkout "
                    + "sessions, invoices and refunds";
            case 429 -> "Stripe kept answering 429 (too many requests) to " + path + tries;
            default -> "Stripe answered " + status + " to " + path + tries;
        };
    }

    private Duration delay(int attempt, String retryAfter) {
        Duration wait = config.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (retryAfter != null && retryAfter.matches("[0-9]{1,6}")) {
            wait = Duration.ofSeconds(Long.parseLong(retryAfter));
        }
        return wait.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : wait;
    }

    private void pause(Duration wait) {
        if (Instant.now().plus(wait).isAfter(deadline)) {
            throw deadlinePassed();
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("the import was interrupted (the service is stopping)");
        }
    }

    private void checkDeadline() {
        if (Instant.now().isAfter(deadline)) {
            throw deadlinePassed();
        }
    }

    private ImportFailed deadlinePassed() {
        return new ImportFailed("the import did not finish within " + config.deadline());
    }

    /** stripe-java's HTTP client, noting each answer's status and retry headers before stripe-java reads them. */
    private static final class NotingClient extends HttpURLConnectionClient {

        volatile int status;
        volatile String retryAfter;
        volatile String shouldRetry;

        @Override
        public StripeResponse request(StripeRequest request) throws ApiConnectionException {
            status = 0;
            retryAfter = null;
            shouldRetry = null;
            StripeResponse response = super.request(request);
            status = response.code();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            shouldRetry = response.headers().firstValue("Stripe-Should-Retry").orElse(null);
            return response;
        }
    }
}
