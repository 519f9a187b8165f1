package dev.payments.account.access;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.payments.account.credentials.Secrets;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract §1 on the payment routes: who may record (POST) and read (GET) payments of which website. */
@QuarkusTest
class AuthenticationTest {

    private static final String PAYMENTS = "/api/v1/payments";
    private static final String NO_SUCH_WEBSITE = "ffffffffffffffffffffffff";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldRejectARequestWithoutAuthorizationHeader() {
        assertUnauthorized(null, "missing Authorization header");
    }

    @Test
    void shouldRejectAnAuthorizationHeaderThatIsNotBearer() {
        assertUnauthorized("Basic xyz", "Bearer scheme");
    }

    @Test
    void shouldRejectAnEmptyBearerToken() {
        assertUnauthorized("Bearer ", "");
    }

    @Test
    void shouldRejectATokenWithoutDfOrDftPrefix() {
        assertUnauthorized("Bearer sk_" + site.key().substring(3), "malformed token");
    }

    @Test
    void shouldRejectAnUnknownWebsiteKey() {
        assertUnauthorized("Bearer " + Secrets.newSecret("df_"), "unknown or revoked token");
    }

    @Test
    void shouldRejectAnUnknownAccountToken() {
        assertUnauthorized("Bearer " + Secrets.newSecret("dft_"), "unknown or revoked token");
    }

    @Test
    void shouldRejectARevokedWebsiteKey() {
        Response created = as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", "to revoke"))
                .post("/api/v1/admin/websites/{id}/apikeys", site.id());
        created.then().statusCode(200);
        as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}/apikeys/{keyId}", site.id(), created.path("data[0].id"))
                .then().statusCode(200);
        assertUnauthorized("Bearer " + created.path("data[0].key"), "unknown or revoked token");
    }

    @Test
    void shouldForbidRecordingWithATokenWithoutPaymentsWrite() {
        String reader = token(List.of("payments:read"), site.id());
        assertError(post(as(reader), site.id()), 403, "payments:write");
    }

    @Test
    void shouldRequireWebsiteIdWithAnAccountToken() {
        String writer = token(List.of("payments:write", "payments:read"), site.id());
        for (Response response : List.of(post(as(writer), null), get(as(writer), null))) {
            assertError(response, 400, "websiteId").then().body("error.fields", hasItem("websiteId"));
        }
    }

    @Test
    void shouldRejectAWebsiteIdWithANul() {
        String all = token(List.of("payments:write", "payments:read"));
        for (Response response : List.of(post(as(all), "\u0000"), get(as(all), "\u0000"))) {
            assertError(response, 400, "malformed id in websiteId").then().body("error.fields", hasItem("websiteId"));
        }
    }

    @Test
    void shouldForbidAnAccountTokenWhoseWebsiteListExcludesTheWebsite() {
        String other = token(List.of("payments:write", "payments:read"), website().id());
        assertError(post(as(other), site.id()), 403, "no access to website " + site.id());
        assertError(get(as(other), site.id()), 403, "no access to website " + site.id());
    }

    @Test
    void shouldNotFindAWebsiteOfNoneForAnAllWebsitesToken() {
        String all = token(List.of("payments:write", "payments:read"));
        assertError(post(as(all), NO_SUCH_WEBSITE), 404, "does not exist");
        assertError(get(as(all), NO_SUCH_WEBSITE), 404, "does not exist");
    }

    @Test
    void shouldForbidAWebsiteKeyWithTheIdOfAnotherWebsite() {
        String otherId = website().id();
        assertError(post(as(site.key()), otherId), 403, "another website");
        assertError(get(as(site.key()), otherId), 403, "another website");
    }

    @Test
    void shouldAcceptAWebsiteKeyWithItsOwnWebsiteId() {
        post(as(site.key()), site.id()).then().statusCode(200).body("message", equalTo("Payment recorded"));
        get(as(site.key()), site.id()).then().statusCode(200).body("status", equalTo("success"));
    }

    @Test
    void shouldForbidRecordingButAllowReadingWhileTrackingIsSuspended() {
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("trackingSuspended", true))
                .put("/api/v1/admin/websites/{id}", site.id())
                .then().statusCode(200);
        assertError(post(as(site.key()), null), 403, "tracking is suspended");
        get(as(site.key()), null).then().statusCode(200).body("status", equalTo("success"));
    }

    @Test
    void shouldRecordAPaymentWithAnAccountTokenHavingPaymentsWrite() {
        String writer = token(List.of("payments:write"), site.id());
        String tx = unique("tx");
        as(writer).contentType(ContentType.JSON).body(payment(tx)).queryParam("websiteId", site.id())
                .post(PAYMENTS)
                .then().statusCode(200)
                .body("message", equalTo("Payment recorded")).body("transaction_id", equalTo(tx));
        byTransaction(as(site.key()), tx).then().statusCode(200).body("data", hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/openapi"})
    void shouldServeHealthAndOpenApiWithoutAToken(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void shouldNeverReadAnotherWebsitesPayments() {
        String tx = unique("tx");
        record(site, payment(tx));
        TestWebsite other = website();
        byTransaction(as(other.key()), tx).then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void shouldNeverDeleteAnotherWebsitesPayments() {
        String tx = unique("tx");
        record(site, payment(tx));
        TestWebsite other = website();
        as(other.key()).queryParam("transaction_id", tx).delete(PAYMENTS)
                .then().statusCode(404).body("status", equalTo("error")).body("error.code", equalTo(404));
        byTransaction(as(site.key()), tx).then().statusCode(200).body("data[0].transaction_id", equalTo(tx));
    }

    /** Both payment routes answer 401 in the error shape; message holds the given part. */
    private static void assertUnauthorized(String authorization, String message) {
        for (Response response : List.of(post(bearing(authorization), null), get(bearing(authorization), null))) {
            assertError(response, 401, message);
        }
    }

    private static Response assertError(Response response, int status, String message) {
        response.then().statusCode(status)
                .body("status", equalTo("error"))
                .body("error.code", equalTo(status))
                .body("error.message", not(emptyString()))
                .body("error.message", containsString(message));
        return response;
    }

    private static RequestSpecification bearing(String authorization) {
        return authorization == null ? given() : given().header("Authorization", authorization);
    }

    private static Response post(RequestSpecification request, String websiteId) {
        return withWebsite(request, websiteId).contentType(ContentType.JSON).body(payment(unique("tx"))).post(PAYMENTS);
    }

    private static Response get(RequestSpecification request, String websiteId) {
        return withWebsite(request, websiteId).get(PAYMENTS);
    }

    private static Response byTransaction(RequestSpecification request, String tx) {
        return request.queryParam("transaction_id", tx).get(PAYMENTS);
    }

    private static RequestSpecification withWebsite(RequestSpecification request, String websiteId) {
        return websiteId == null ? request : request.queryParam("websiteId", websiteId);
    }
}
