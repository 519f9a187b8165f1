package dev.payments.platform.http;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The body cap is configuration: the filters refuse, and the 413 names, the configured size. */
@QuarkusTest
@TestProfile(BodyCapsTest.SmallCap.class)
class BodyCapsTest {

    public static class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.http.body-cap.standard", "2 KiB");
        }
    }

    @Test
    void shouldRefuseABodyOverTheConfiguredCapWith413() {
        Map<String, Object> body = payment(unique("tx"));
        body.put("padding", "x".repeat(3 * 1024));
        as(website().key()).contentType(ContentType.JSON).body(body).post("/api/v1/payments")
                .then().statusCode(413)
                .body("error.type", equalTo("payload_too_large"))
                .body("error.message", equalTo("request body is larger than 2 KiB"));
    }
}
