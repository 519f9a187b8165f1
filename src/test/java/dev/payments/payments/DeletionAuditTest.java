package dev.payments.payments;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every committed delete leaves one audit log line, tagged with the request id like every line of a request. */
@QuarkusTest
class DeletionAuditTest {

    private TestWebsite site;
    private LogCapture audit;

    @BeforeEach
    void setUp() {
        site = website();
        audit = LogCapture.of("dev.payments.audit");
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void shouldLogWhoDeletedWhatWhereAndHowMany() {
        String tx = unique("tx");
        record(site, payment(tx));
        String keyId = as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/apikeys", site.id())
                .then().statusCode(200).extract().path("data[0].id");
        as(site.key()).queryParam("transaction_id", tx).delete("/api/v1/payments").then().statusCode(200);
        assertEquals(1, audit.lines().size(), audit.lines().toString());
        assertThat(audit.lines().get(0).message(), allOf(containsString("principal=" + keyId),
                containsString("website=" + site.id()), containsString("transaction_id=" + tx),
                containsString("deleted=1"), not(containsString(site.key()))));
    }

    @Test
    void shouldNotNameTheFiltersADeleteByTransactionIgnores() {
        String tx = unique("tx");
        record(site, payment(tx));
        as(site.key()).queryParam("transaction_id", tx).queryParam("datafast_visitor_id", "someone")
                .queryParam("startAt", "2020-01-01T00:00:00Z").delete("/api/v1/payments").then().statusCode(200);
        assertThat(audit.lines().get(0).message(), allOf(containsString("transaction_id=" + tx),
                containsString("datafast_visitor_id=null"), containsString("start=null"), not(containsString("someone"))));
    }

    @Test
    void shouldLogThePaymentsDeletedWithTheirWebsite() {
        record(site, payment(unique("tx")));
        record(site, payment(unique("tx")));
        String tokenId = as(BOOTSTRAP).get("/api/v1/admin/access-tokens").then().statusCode(200)
                .extract().path("data.find { it.name == 'bootstrap' }.id");
        as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);
        assertEquals(1, audit.lines().size(), audit.lines().toString());
        assertThat(audit.lines().get(0).message(), allOf(containsString("deleted with their website"),
                containsString("principal=" + tokenId), containsString("website=" + site.id()),
                containsString("deleted=2")));
    }

    @Test
    void shouldTagTheAuditLineWithTheRequestId() {
        String requestId = unique("req");
        as(site.key()).header("X-Request-Id", requestId).queryParam("datafast_visitor_id", "nobody")
                .delete("/api/v1/payments").then().statusCode(200).header("X-Request-Id", requestId);
        assertEquals(requestId, audit.lines().get(0).requestId());
    }

    @Test
    void shouldNotLetAClientValueBreakTheAuditLine() {
        as(site.key()).queryParam("datafast_visitor_id", "v1\ndeleted=999 forged\r\t")
                .delete("/api/v1/payments").then().statusCode(200);
        assertThat(audit.lines().get(0).message(), allOf(containsString("datafast_visitor_id=v1?deleted=999 forged??"),
                not(containsString("\n")), not(containsString("\r"))));
    }

    @Test
    void shouldNotLogADeleteThatFailed() {
        as(site.key()).queryParam("transaction_id", unique("unknown")).delete("/api/v1/payments")
                .then().statusCode(404);
        assertTrue(audit.lines().isEmpty(), audit.lines().toString());
    }
}
