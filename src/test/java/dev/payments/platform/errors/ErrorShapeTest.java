package dev.payments.platform.errors;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract §5: every error, from every layer, has the shape {"status":"error","error":{"code","message",...}}. */
@QuarkusTest
class ErrorShapeTest {

    private static final String PAYMENTS = "/api/v1/payments";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldAnswerAnUnknownRouteUnderTheApiWith404() {
        assertError(given().get("/api/v1/nope"), 404, "not_found", "no route for GET /api/v1/nope");
    }

    @Test
    void shouldAnswerAnUnknownRouteOutsideTheApiWith404() {
        assertError(given().get("/nope"), 404, "not_found", "no route for GET /nope");
    }

    @Test
    void shouldAnswerAWrongMethodWith405() {
        assertError(as(site.key()).contentType(ContentType.JSON).body(payment(unique("tx"))).patch(PAYMENTS),
                405, "method_not_allowed", "method PATCH is not allowed on /api/v1/payments");
    }

    @Test
    void shouldAnswerAWrongContentTypeWith415() {
        assertError(postRaw(ContentType.TEXT, "amount=29.99"), 415, "unsupported_media_type",
                "Content-Type must be application/json");
    }

    @Test
    void shouldAnswerMalformedJsonWith400() {
        assertError(postRaw(ContentType.JSON, "{\"amount\": 29.99, \"currency\": "), 400, "invalid_json",
                "request body is not valid JSON");
    }

    @Test
    void shouldAnswerAJsonArrayInsteadOfAnObjectWith400() {
        assertError(postRaw(ContentType.JSON, "[{\"amount\": 29.99}]"), 400, "invalid_json",
                "request body must be a JSON object");
    }

    @Test
    void shouldAnswerAWrongJsonTypeWith400NamingTheField() {
        Map<String, Object> body = payment(unique("tx"));
        body.put("amount", true);
        assertError(postJson(body), 400, "invalid_json", "amount has the wrong type")
                .then().body("error.fields", hasItem("amount"));
    }

    @Test
    void shouldAnswerAMissingBodyWith400() {
        assertError(postRaw(ContentType.JSON, ""), 400, "validation_failed", "required");
    }

    @Test
    void shouldAnswerABodyOver64KiBWith413() {
        Map<String, Object> body = payment(unique("tx"));
        body.put("padding", "x".repeat(70 * 1024));
        assertError(postJson(body), 413, "payload_too_large", "larger than 64 KiB");
    }

    @Test
    void shouldAnswerAChunkedBodyOver64KiBWith413() throws Exception {
        String body = "{\"currency\": \"USD\", \"padding\": \"" + "x".repeat(70 * 1024) + "\"}";
        // a publisher of unknown length: the body goes out with Transfer-Encoding: chunked, no Content-Length
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + PAYMENTS);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + site.key()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "not JSON: " + response.headers().map() + " " + response.body());
        assertShape(413, "payload_too_large", "larger than 64 KiB",
                response.headers().firstValue("X-Request-Id").orElse(null), JsonPath.from(response.body()));
    }

    @Test
    void shouldRefuseAChunkedBodyWithoutATokenAndKeepServingTheConnection() throws Exception {
        String body = "{\"currency\": \"USD\", \"padding\": \"" + "x".repeat(30 * 1024) + "\"}";
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        HttpRequest unauthenticated = HttpRequest.newBuilder(base.resolve(PAYMENTS)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertEquals(401, client.send(unauthenticated, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest next = HttpRequest.newBuilder(base.resolve("/q/health/live")).timeout(Duration.ofSeconds(10))
                .build();
        assertEquals(200, client.send(next, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void shouldAnswerDuplicateJsonKeysWith400() {
        String tx = unique("tx");
        String body = "{\"amount\": 1, \"amount\": 1000, \"currency\": \"USD\", \"transaction_id\": \"" + tx + "\"}";
        assertError(postRaw(ContentType.JSON, body), 400, "invalid_json", "amount")
                .then().body("error.fields", hasItem("amount"));
    }

    @Test
    void shouldEchoTheClientsOwnRequestId() {
        Response response = given().header("X-Request-Id", "abc-123").get("/api/v1/nope");
        assertError(response, 404, "not_found", "no route");
        response.then().header("X-Request-Id", "abc-123").body("error.request_id", equalTo("abc-123"));
    }

    @Test
    void shouldReplaceAHostileRequestIdWithAGeneratedOne() {
        String hostile = "a".repeat(200);
        Response response = given().header("X-Request-Id", hostile).get("/api/v1/nope");
        assertError(response, 404, "not_found", "no route");
        response.then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void shouldReplaceARequestIdWithForbiddenCharacters() {
        Response response = as(site.key()).header("X-Request-Id", "abc<script>").get("/api/v1/nope");
        assertError(response, 404, "not_found", "no route");
        response.then().header("X-Request-Id", matchesPattern(UUID));
    }

    private Response postJson(Map<String, Object> body) {
        return as(site.key()).contentType(ContentType.JSON).body(body).post(PAYMENTS);
    }

    private Response postRaw(ContentType contentType, String body) {
        return as(site.key()).contentType(contentType).body(body).post(PAYMENTS);
    }

    /**
     * The contract's error shape: status "error", error.code = the HTTP status, the given type, a message holding the
     * given part, and a request id both in the X-Request-Id header and as error.request_id.
     */
    private static Response assertError(Response response, int status, String type, String message) {
        response.then().statusCode(status).contentType(ContentType.JSON);
        assertShape(status, type, message, response.header("X-Request-Id"), response.jsonPath());
        return response;
    }

    private static void assertShape(int status, String type, String message, String requestId, JsonPath body) {
        assertNotNull(requestId, "X-Request-Id header");
        assertEquals("error", body.getString("status"));
        assertEquals(status, body.getInt("error.code"));
        assertEquals(type, body.getString("error.type"));
        assertTrue(body.getString("error.message").contains(message), () -> "error.message: " + body.prettify());
        assertEquals(requestId, body.getString("error.request_id"));
    }
}
