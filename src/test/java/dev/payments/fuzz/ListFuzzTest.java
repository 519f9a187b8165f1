package dev.payments.fuzz;

import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/payments under generated query strings, headers and (ignored) bodies: never a 5xx, always the contract's
 * shape, and never a payment of another website.
 */
@QuarkusTest
class ListFuzzTest {

    /** QuickTheories skips a case it has already tried, so fewer than the examples asked for may be sent. */
    private static final int MINIMUM_CASES = 2_800;
    private static final int QUERIES = 2_200;
    private static final int HEADERS = 800;
    private static final int BODIES = 400;

    private TestWebsite site;
    private TestWebsite other;
    private final List<String> names = new ArrayList<>();
    private final Set<String> ownTransactions = new HashSet<>();
    private final List<String> foreign = new ArrayList<>();

    @BeforeEach
    void websitesWithPayments() {
        site = website();
        other = website();
        for (int i = 0; i < 12; i++) {
            String tx = "list-" + i;
            record(site, payment(tx, "datafast_visitor_id", "visitor-" + i % 3, "customer_id", "customer-" + i,
                    "timestamp", "2024-%02d-15T12:00:00Z".formatted(i + 1)));
            ownTransactions.add(tx);
            names.addAll(List.of(tx, "visitor-" + i % 3, "customer-" + i));
        }
        record(other, payment("other-secret", "datafast_visitor_id", "visitor-0", "customer_id", "customer-0"));
        names.add("other-secret");
    }

    @Test
    void shouldAnswerEveryGeneratedListInShapeWithOnlyTheCallersPayments() {
        var keys = new HeaderMutations.Keys(site.key(), other.key(), token(List.of("*"), site.id()));
        List<String> websiteIds = List.of(site.id(), other.id(), "0".repeat(24), "");
        FuzzRequest plain = get("valid", new byte[0]).withQuery("valid", "limit=5".getBytes());
        try (FuzzRun run = new FuzzRun("list")) {
            run.send(QUERIES, QueryMutations.any(names, websiteIds).map(query -> get("query", new byte[0])
                    .withQuery("query", query)), ResponseCheck.LIST, this::onlyOwn);
            run.send(HEADERS, HeaderMutations.any(keys).map(change -> change.apply(plain)),
                    ResponseCheck.LIST, this::onlyOwn);
            run.send(BODIES, JsonBodies.any().map(body -> get(body.kind(), body.bytes())), ResponseCheck.LIST,
                    this::onlyOwn);
            assertTrue(run.cases() >= MINIMUM_CASES, "only " + run.cases() + " distinct cases");
        }
        assertTrue(foreign.isEmpty(), "listed payments of another website: " + foreign);
    }

    private FuzzRequest get(String kind, byte[] body) {
        return FuzzRequest.of(kind, "GET", site.key(), body);
    }

    /** A 200 shows only payments of the website whose key was sent. */
    private void onlyOwn(FuzzRequest request, JsonNode json) {
        Set<String> visible = request.carries(other.key()) ? Set.of("other-secret") : ownTransactions;
        json.path("data").forEach(payment -> {
            if (!visible.contains(payment.path("transaction_id").asText())) {
                foreign.add(payment.path("transaction_id").asText());
            }
        });
    }
}
