package dev.payments.fuzz;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.fuzz.QueryMutations.Encoding;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every route that names a website, an API key, an access token or a provider, sent ids none of them can have: in its
 * path, in the websiteId query parameter, in the websiteIds of a new access token; and the revenue route's other query
 * parameters (the payment routes' are fuzzed by {@link ListFuzzTest} and {@link DeleteFuzzTest}). Never a 5xx, never a
 * success, always the contract's error shape.
 */
@QuarkusTest
class ParameterFuzzTest {

    /** QuickTheories skips a case it has already tried, so fewer than the examples asked for may be sent. */
    private static final int MINIMUM_CASES = 550;
    private static final int IDS = 500;
    private static final int REVENUE_PARAMETERS = 100;
    private static final String ID = "@id";
    private static final String WEBSITES = "/api/v1/admin/websites/";
    private static final String REVENUE = "/api/v1/revenue";
    private static final String NAME = "{\"name\": \"id fuzz\"}";
    private static final String SECRET = "{\"signingSecret\": \"whsec_x\"}";
    private static final String PAYMENT = "{\"amount\": 1, \"currency\": \"USD\", \"transaction_id\": \"id-fuzz\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A route with the place of the id ({@link #ID}) in its path, its query or its body. */
    private record Route(String method, String path, String query, String body) {

        FuzzRequest with(String id, Encoding encoding, String token) {
            String encoded = QueryMutations.encoded(id, encoding);
            String kind = method + " " + path + (query.isEmpty() ? "" : "?" + query)
                    + (body.contains(ID) ? " body" : "");
            return FuzzRequest.of(kind, method, token, body.replace(ID, json(id)).getBytes(StandardCharsets.UTF_8))
                    .withPath(kind, new String(path.replace(ID, encoded).getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1))
                    .withQuery(kind, query.replace(ID, encoded).getBytes(StandardCharsets.UTF_8));
        }

        private static String json(String id) {
            try {
                return JSON.writeValueAsString(id);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void shouldRefuseEveryImpossibleParameterInShape() {
        String site = website().id();
        String keyId = as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", "id fuzz"))
                .post(WEBSITES + "{id}/apikeys", site).then().statusCode(200).extract().path("data[0].id");
        String token = token(List.of("*"));
        List<Route> routes = List.of(
                new Route("GET", WEBSITES + ID, "", ""),
                new Route("PUT", WEBSITES + ID, "", NAME),
                new Route("DELETE", WEBSITES + ID, "", ""),
                new Route("GET", WEBSITES + ID + "/apikeys", "", ""),
                new Route("POST", WEBSITES + ID + "/apikeys", "", NAME),
                new Route("PUT", WEBSITES + ID + "/apikeys/" + keyId, "", ""),
                new Route("PUT", WEBSITES + site + "/apikeys/" + ID, "", ""),
                new Route("DELETE", WEBSITES + site + "/apikeys/" + ID, "", ""),
                new Route("GET", WEBSITES + ID + "/integrations", "", ""),
                new Route("PUT", WEBSITES + ID + "/integrations/stripe", "", SECRET),
                new Route("PUT", WEBSITES + site + "/integrations/" + ID, "", SECRET),
                new Route("DELETE", WEBSITES + site + "/integrations/" + ID, "", ""),
                new Route("GET", WEBSITES + ID + "/integrations/stripe/deliveries", "", ""),
                new Route("GET", WEBSITES + site + "/integrations/" + ID + "/deliveries", "", ""),
                new Route("POST", "/api/v1/webhooks/stripe/" + ID, "", "{}"),
                new Route("POST", "/api/v1/webhooks/" + ID + "/" + site, "", "{}"),
                new Route("DELETE", "/api/v1/admin/access-tokens/" + ID, "", ""),
                new Route("POST", "/api/v1/admin/access-tokens", "",
                        "{\"name\": \"id fuzz\", \"permissions\": [\"payments:read\"], \"websiteIds\": [" + ID + "]}"),
                new Route("GET", FuzzRequest.PATH, "websiteId=" + ID, ""),
                new Route("POST", FuzzRequest.PATH, "websiteId=" + ID, PAYMENT),
                new Route("DELETE", FuzzRequest.PATH, "transaction_id=id-fuzz&websiteId=" + ID, ""),
                new Route("POST", FuzzRequest.PATH + "/batch", "websiteId=" + ID, "[" + PAYMENT + "]"),
                new Route("GET", REVENUE, "websiteId=" + ID, ""));
        // a blank one counts as absent: these may succeed
        List<Route> revenueParameters = List.of(
                new Route("GET", REVENUE, "websiteId=" + site + "&startAt=" + ID, ""),
                new Route("GET", REVENUE, "websiteId=" + site + "&endAt=" + ID, ""),
                new Route("GET", REVENUE, "websiteId=" + site + "&interval=" + ID, ""),
                new Route("GET", REVENUE, "websiteId=" + site + "&timezone=" + ID, ""));
        Gen<String> values = IdMutations.any(List.of(site, keyId));
        try (FuzzRun run = new FuzzRun("parameters")) {
            run.send(IDS, requests(routes, values, token), ResponseCheck.REFUSAL, (request, json) -> { });
            run.send(REVENUE_PARAMETERS, requests(revenueParameters, values, token), ResponseCheck.ENVELOPE,
                    (request, json) -> { });
            assertTrue(run.cases() >= MINIMUM_CASES, "only " + run.cases() + " distinct cases");
        }
    }

    private static Gen<FuzzRequest> requests(List<Route> routes, Gen<String> values, String token) {
        return Generate.pick(routes).zip(values, IdMutations.encoding(),
                (route, value, encoding) -> route.with(value, encoding, token));
    }
}
