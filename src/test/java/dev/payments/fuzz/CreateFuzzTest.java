package dev.payments.fuzz;

import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * POST /api/v1/payments under generated bodies, headers and query strings: never a 5xx, always the contract's shape,
 * and afterwards each website holds exactly the transaction ids that got a 200.
 */
@QuarkusTest
class CreateFuzzTest {

    /** QuickTheories skips a case it has already tried, so fewer than the examples asked for may be sent. */
    private static final int MINIMUM_CASES = 4_500;
    private static final int BODIES = 4_600;
    private static final int HEADERS = 1_000;
    private static final int QUERIES = 400;

    private TestWebsite site;
    private TestWebsite other;
    private final Set<String> acceptedBySite = new HashSet<>();
    private final Set<String> acceptedByOther = new HashSet<>();

    @BeforeEach
    void twoWebsites() {
        site = website();
        other = website();
    }

    @Test
    void shouldAnswerEveryGeneratedCreateInShapeAndStoreOnlyWhatItAccepted() {
        var keys = new HeaderMutations.Keys(site.key(), other.key(), token(List.of("*"), site.id()));
        Gen<FuzzRequest> valid = JsonBodies.valid().map(fields -> post("valid", JsonBodies.bytes(fields)));
        try (FuzzRun run = new FuzzRun("create")) {
            run.send(BODIES, JsonBodies.any().map(body -> post(body.kind(), body.bytes())), ResponseCheck.CREATE,
                    this::accepted);
            run.send(HEADERS, valid.zip(HeaderMutations.any(keys), (request, change) -> change.apply(request)),
                    ResponseCheck.CREATE, this::accepted);
            run.send(QUERIES, valid.zip(QueryMutations.any(List.of(site.id()), List.of(site.id(), other.id(),
                    "0".repeat(24), "")), (request, query) -> request.withQuery("query", query)),
                    ResponseCheck.CREATE, this::accepted);
            assertTrue(run.cases() >= MINIMUM_CASES, "only " + run.cases() + " distinct cases");
        }
        assertStoredExactly(acceptedBySite, site);
        assertStoredExactly(acceptedByOther, other);
    }

    private static void assertStoredExactly(Set<String> accepted, TestWebsite website) {
        Set<String> stored = new HashSet<>(StoredPayments.transactionIds(website));
        Set<String> storedWithout200 = new HashSet<>(stored);
        storedWithout200.removeAll(accepted);
        Set<String> acceptedNotStored = new HashSet<>(accepted);
        acceptedNotStored.removeAll(stored);
        assertEquals(Set.of(), storedWithout200, "stored without a 200 (seed " + FuzzRun.SEED + ")");
        assertEquals(Set.of(), acceptedNotStored, "answered 200 but not stored (seed " + FuzzRun.SEED + ")");
    }

    private FuzzRequest post(String kind, byte[] body) {
        return FuzzRequest.of(kind, "POST", site.key(), body);
    }

    /** A 200 stored (or had stored) the payment on the website of the key it was sent with. */
    private void accepted(FuzzRequest request, JsonNode json) {
        (request.carries(other.key()) ? acceptedByOther : acceptedBySite)
                .add(json.get("transaction_id").asText());
    }
}
