package dev.payments.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds what a test needs through the public API only, so the same tests run against the packaged application.
 * Every fixture is new and uniquely named: tests never share data.
 */
public final class Fixtures {

    /** The %test profile's PAYMENTS_BOOTSTRAP_TOKEN. */
    public static final String BOOTSTRAP = "dft_test_bootstrap_0123456789abcdefghijklmnopqrstuv";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.filters(new ContractCheck());
    }

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A request with the token; JSON numbers in its response read as BigDecimal, exactly as sent. */
    public static RequestSpecification as(String token) {
        return given()
                .config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .header("Authorization", "Bearer " + token);
    }

    /** A new website (reporting currency USD) with one df_ key. */
    public static TestWebsite website() {
        return website("USD");
    }

    /** A new website reporting in the currency, with one df_ key. */
    public static TestWebsite website(String reportingCurrency) {
        String id = as(BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("domain", unique("site").replace('_', '-') + ".example.com", "currency", reportingCurrency))
                .post("/api/v1/admin/websites")
                .then().statusCode(200).extract().path("data[0].id");
        return new TestWebsite(id, apiKey(id));
    }

    /** A new raw df_ key of the website. */
    public static String apiKey(String websiteId) {
        return as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", "test key"))
                .post("/api/v1/admin/websites/{id}/apikeys", websiteId)
                .then().statusCode(200).extract().path("data[0].key");
    }

    /** A new raw dft_ token; no website ids means all websites. */
    public static String token(List<String> permissions, String... websiteIds) {
        return as(BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", unique("token"), "permissions", permissions, "websiteIds", List.of(websiteIds)))
                .post("/api/v1/admin/access-tokens")
                .then().statusCode(200).extract().path("data[0].key");
    }

    /** A valid payment body with some fields changed (name, value, name, value...); the test may change it more. */
    public static Map<String, Object> payment(String transactionId, Object... changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", 29.99);
        body.put("currency", "USD");
        body.put("transaction_id", transactionId);
        for (int i = 0; i < changes.length; i += 2) {
            body.put((String) changes[i], changes[i + 1]);
        }
        return body;
    }

    public static String record(TestWebsite website, Map<String, Object> body) {
        return as(website.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/payments")
                .then().statusCode(200).extract().path("message");
    }

    public record TestWebsite(String id, String key) {
    }
}
