package dev.payments.platform.errors;

import io.micrometer.core.instrument.Metrics;

/**
 * Why a request was answered 503: what ran out, named in the answer's message and counted in
 * {@code http_unavailable_total{reason}}, so that an operator is sent to the right place.
 */
public enum Unavailable {

    /** The database is out of reach, or refused or cancelled the statement. */
    DATABASE("the database is unavailable; retry shortly"),
    /** Every pool connection stayed in use for the whole acquisition timeout. */
    CONNECTIONS("no database connection came free in time; retry shortly"),
    /** The request waited for a worker thread until its deadline. */
    WORKERS("every worker thread stayed busy until the request's deadline; retry shortly"),
    /** The request had its thread, and its work outlasted the deadline. */
    DEADLINE("the request was not answered within its deadline; retry shortly"),
    /** A revenue report outlasted its budget (PAYMENTS_REVENUE_BUDGET) and was stopped. */
    REPORT_BUDGET("the report took longer than its budget and was stopped; ask for a shorter range or a wider interval, "
            + "or retry later"),
    /** The bytes of request bodies still arriving reached their cap. */
    BODIES("too many request bodies are arriving at once; retry shortly");

    private final String message;

    Unavailable(String message) {
        this.message = message;
    }

    /** Counts one 503 for this reason and gives its message. */
    public String count() {
        Metrics.counter("http.unavailable", "reason", name().toLowerCase()).increment();
        return message;
    }

    public ApiException exception() {
        return new ApiException(503, HttpErrors.typeOf(503), count(), null);
    }
}
