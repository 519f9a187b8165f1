package dev.payments.fuzz;

import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DELETE /api/v1/payments under generated query strings, headers and bodies: never a 5xx, always the contract's shape,
 * and nothing deleted by a rejected request. The fuzzed website is counted precisely: between checkpoints it must lose
 * exactly the payments the 200s reported deleted. Victims (whose ids the generated filters name) and sentinels (whose
 * ids no filter can name) are put back at every checkpoint.
 */
@QuarkusTest
class DeleteFuzzTest {

    /** QuickTheories skips a case it has already tried, so fewer than the examples asked for may be sent. */
    private static final int MINIMUM_CASES = 2_800;
    private static final int CHECKPOINTS = 12;
    private static final int QUERIES = 200;
    private static final int HEADERS = 60;
    private static final int BODIES = 40;
    private static final int VICTIMS = 20;

    private TestWebsite site;
    private TestWebsite other;
    private final List<String> names = new ArrayList<>();
    private final List<String> sentinels = new ArrayList<>();
    private long expected;

    @BeforeEach
    void websites() {
        site = website();
        other = website();
        for (int i = 0; i < VICTIMS; i++) {
            names.addAll(List.of("victim-" + i, "visitor-" + i % 4));
        }
        for (int i = 0; i < 3; i++) {
            sentinels.add(unique("sentinel"));
        }
        record(other, payment("victim-0", "datafast_visitor_id", "visitor-0"));
    }

    @Test
    void shouldAnswerEveryGeneratedDeleteInShapeAndDeleteNothingItRejected() {
        var keys = new HeaderMutations.Keys(site.key(), other.key(), token(List.of("*"), site.id()));
        List<String> websiteIds = List.of(site.id(), other.id(), "0".repeat(24), "");
        FuzzRequest plain = delete("valid", new byte[0]).withQuery("valid", "transaction_id=victim-1".getBytes());
        try (FuzzRun run = new FuzzRun("delete")) {
            for (int checkpoint = 0; checkpoint < CHECKPOINTS; checkpoint++) {
                restock();
                run.send(QUERIES, QueryMutations.any(names, websiteIds).map(query -> delete("query", new byte[0])
                        .withQuery("query", query)), ResponseCheck.DELETE, this::deleted);
                run.send(HEADERS, HeaderMutations.any(keys).map(change -> change.apply(plain)), ResponseCheck.DELETE,
                        this::deleted);
                run.send(BODIES, JsonBodies.any().map(body -> delete(body.kind(), body.bytes())
                        .withQuery("body", "datafast_visitor_id=visitor-2".getBytes())), ResponseCheck.DELETE,
                        this::deleted);
                assertEquals(expected, StoredPayments.transactionIds(site).size(),
                        "payments left after checkpoint " + checkpoint + " (seed " + FuzzRun.SEED + ")");
            }
            assertTrue(run.cases() >= MINIMUM_CASES, "only " + run.cases() + " distinct cases");
        }
        assertEquals(List.of("victim-0"), StoredPayments.transactionIds(other),
                "the other website's payment is untouched except by its own key");
    }

    /** Puts every victim and sentinel back (a stored one is skipped as a duplicate) and counts what is there. */
    private void restock() {
        for (int i = 0; i < VICTIMS; i++) {
            record(site, payment("victim-" + i, "datafast_visitor_id", "visitor-" + i % 4,
                    "timestamp", "2024-%02d-15T12:00:00Z".formatted(i % 12 + 1)));
        }
        sentinels.forEach(tx -> record(site, payment(tx, "datafast_visitor_id", tx, "timestamp",
                "2003-03-03T03:03:03Z")));
        expected = StoredPayments.transactionIds(site).size();
        assertEquals(VICTIMS + sentinels.size(), expected);
    }

    private FuzzRequest delete(String kind, byte[] body) {
        return FuzzRequest.of(kind, "DELETE", site.key(), body);
    }

    /** A 200 sent with this website's key (or the token limited to it) removed what it reports. */
    private void deleted(FuzzRequest request, JsonNode json) {
        if (!request.carries(other.key())) {
            expected -= json.path("data").path(0).path("deleted").asLong();
        }
    }
}
