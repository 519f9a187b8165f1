package dev.payments.reliability;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests on the same transaction id racing each other: every caller gets a definite 200 (or the delete's 404), and
 * the stored row always agrees with what the callers were told. Races that depend on timing are repeated for many
 * transactions, so that both orders are met.
 */
@QuarkusTest
class PaymentRacesTest {

    private static final String PAYMENTS = "/api/v1/payments";
    private static final int IDENTICAL_CALLERS = 50;
    private static final int ROUNDS = 30;
    private static final String RECORDED = "Payment recorded";
    private static final String REFUND_RECORDED = "Refund recorded";
    private static final String DUPLICATE = "Payment already recorded; duplicate skipped";
    private static final String ATTRIBUTED = "Payment attributed to visitor";
    private static final String REFUNDED = "Payment marked as refunded";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldStoreOnePaymentAndAnswerEveryCallerWhenFiftyIdenticalCreatesRace() throws Exception {
        String tx = unique("tx");
        Callable<Response> create = () -> create(payment(tx));
        List<String> messages = messages(Race.run(Collections.nCopies(IDENTICAL_CALLERS, create)));
        assertEquals(1, Collections.frequency(messages, RECORDED), messages.toString());
        assertEquals(IDENTICAL_CALLERS - 1, Collections.frequency(messages, DUPLICATE), messages.toString());
        assertEquals(1, rows(tx).size());
    }

    /** Whichever comes first, the other sees its row: one payment, refunded, and each caller told which it was. */
    @Test
    void shouldStoreOneRefundedPaymentWhenARefundAndACreateOfANewTransactionRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String tx = unique("tx");
            List<String> messages = messages(Race.run(
                    () -> create(payment(tx, "refunded", true)), () -> create(payment(tx))));
            assertThat(messages, anyOf(contains(REFUND_RECORDED, DUPLICATE), contains(REFUNDED, RECORDED)));
            Map<String, Object> row = onlyRow(tx);
            assertEquals(true, row.get("refunded"), row.toString());
            assertNotNull(row.get("refunded_at"), row.toString());
        }
    }

    /** The delete either comes before the create has committed (404, the row stays) or after (the row is gone). */
    @Test
    void shouldEitherDeleteTheRowOrAnswer404WhenACreateAndADeleteOfANewTransactionRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String tx = unique("tx");
            List<Response> answers = Race.run(() -> create(payment(tx)), () -> delete(tx));
            assertEquals(List.of(RECORDED), messages(answers.subList(0, 1)));
            assertThat(deleteOutcome(answers.get(1), tx),
                    anyOf(equalTo("404, rows left 1"), equalTo("200 deleted 1, rows left 0")));
        }
    }

    /**
     * A create that meets its row already deleted stores it again and says "recorded"; one that meets it still there
     * is a duplicate and the delete then removes it. The message always tells whether the row exists afterwards.
     */
    @Test
    void shouldTellByItsMessageWhetherTheRowSurvivedWhenARepeatedCreateAndADeleteRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String tx = unique("tx");
            record(site, payment(tx));
            List<Response> answers = Race.run(() -> create(payment(tx)), () -> delete(tx));
            String outcome = messages(answers.subList(0, 1)).get(0) + "; " + deleteOutcome(answers.get(1), tx);
            assertThat(outcome, anyOf(equalTo(RECORDED + "; 200 deleted 1, rows left 1"),
                    equalTo(DUPLICATE + "; 200 deleted 1, rows left 0")));
        }
    }

    @Test
    void shouldApplyBothWhenAnAttributionAndARefundOfAStoredPaymentRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String tx = unique("tx");
            record(site, payment(tx));
            String visitor = unique("visitor");
            List<String> messages = messages(Race.run(
                    () -> create(payment(tx, "datafast_visitor_id", visitor)),
                    () -> create(payment(tx, "refunded", true))));
            assertEquals(List.of(ATTRIBUTED, REFUNDED), messages);
            Map<String, Object> row = onlyRow(tx);
            assertEquals(visitor, row.get("datafast_visitor_id"), row.toString());
            assertEquals(true, row.get("refunded"), row.toString());
        }
    }

    private Response create(Map<String, Object> body) {
        return as(site.key()).contentType(ContentType.JSON).body(body).post(PAYMENTS);
    }

    private Response delete(String tx) {
        return as(site.key()).queryParam("transaction_id", tx).delete(PAYMENTS);
    }

    /** The messages of creates that must all have answered 200. */
    private static List<String> messages(List<Response> answers) {
        for (Response answer : answers) {
            assertEquals(200, answer.statusCode(), answer.asString());
        }
        return answers.stream().map(answer -> answer.<String>path("message")).toList();
    }

    /** "404, rows left 1" or "200 deleted 1, rows left 0": the delete's answer next to what it left behind. */
    private String deleteOutcome(Response delete, String tx) {
        String answer = switch (delete.statusCode()) {
            case 200 -> "200 deleted " + delete.path("data[0].deleted");
            case 404 -> "404";
            default -> "unexpected " + delete.statusCode() + " " + delete.asString();
        };
        return answer + ", rows left " + rows(tx).size();
    }

    private Map<String, Object> onlyRow(String tx) {
        List<Map<String, Object>> rows = rows(tx);
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private List<Map<String, Object>> rows(String tx) {
        return as(site.key()).queryParam("transaction_id", tx).get(PAYMENTS)
                .then().statusCode(200).extract().jsonPath().getList("data");
    }
}
