package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prometheus counters of create outcomes and deletes at /q/metrics. */
@QuarkusTest
class PaymentMetricsTest {

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldCountRecordedAndDuplicatePayments() {
        double recorded = created("recorded");
        double duplicates = created("duplicate");
        String tx = unique("tx");
        record(site, payment(tx));
        record(site, payment(tx));
        assertEquals(recorded + 1, created("recorded"));
        assertEquals(duplicates + 1, created("duplicate"));
    }

    @Test
    void shouldCountFreeTrialsAttributionsAndRefunds() {
        double freeTrials = created("free_trial_recorded");
        double attributed = created("attributed");
        double refunded = created("refunded");
        String trial = unique("trial");
        String tx = unique("tx");
        record(site, payment(trial, "amount", 0));
        record(site, payment(tx));
        record(site, payment(tx, "datafast_visitor_id", "visitor-1"));
        record(site, payment(tx, "refunded", true));
        assertEquals(freeTrials + 1, created("free_trial_recorded"));
        assertEquals(attributed + 1, created("attributed"));
        assertEquals(refunded + 1, created("refunded"));
    }

    @Test
    void shouldCountDeleteRequestsAndDeletedPayments() {
        double requests = Metrics.value("payments_delete_requests_total{by=\"visitor\"}");
        double rows = Metrics.value("payments_deleted_total{by=\"visitor\"}");
        record(site, payment(unique("tx"), "datafast_visitor_id", "leaving-visitor"));
        record(site, payment(unique("tx"), "datafast_visitor_id", "leaving-visitor"));
        as(site.key()).queryParam("datafast_visitor_id", "leaving-visitor").delete("/api/v1/payments")
                .then().statusCode(200);
        assertEquals(requests + 1, Metrics.value("payments_delete_requests_total{by=\"visitor\"}"));
        assertEquals(rows + 2, Metrics.value("payments_deleted_total{by=\"visitor\"}"));
    }

    @Test
    void shouldNotCountAFailedDelete() {
        double requests = Metrics.value("payments_delete_requests_total{by=\"transaction\"}");
        as(site.key()).queryParam("transaction_id", unique("unknown")).delete("/api/v1/payments")
                .then().statusCode(404);
        assertEquals(requests, Metrics.value("payments_delete_requests_total{by=\"transaction\"}"));
    }

    private static double created(String outcome) {
        return Metrics.value("payments_created_total{outcome=\"" + outcome + "\"}");
    }
}
