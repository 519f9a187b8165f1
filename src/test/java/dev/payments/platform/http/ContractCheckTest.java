package dev.payments.platform.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payments.support.ContractCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * The check every suite's responses go through (support/ContractCheck) refuses what the OpenAPI document does not
 * describe, so its silence on the suites' responses means they match. A Quarkus test: the document is written when
 * the application is built.
 */
@QuarkusTest
class ContractCheckTest {

    @Test
    void shouldRefuseABodyWithoutAMemberTheDocumentRequires() {
        Response recorded = json(200, "{\"message\":\"Payment recorded\"}");
        assertThrows(AssertionError.class, () -> ContractCheck.check(HttpMethod.POST, "/api/v1/payments", recorded));
    }

    @Test
    void shouldRefuseAStatusTheDocumentDoesNotDeclare() {
        Response teapot = json(418, "{\"status\":\"error\",\"error\":{\"code\":418,\"type\":\"teapot\","
                + "\"message\":\"no\",\"request_id\":\"r\"}}");
        assertThrows(AssertionError.class, () -> ContractCheck.check(HttpMethod.GET, "/api/v1/payments", teapot));
    }

    @Test
    void shouldAcceptAResponseTheDocumentDescribes() {
        ContractCheck.check(HttpMethod.POST, "/api/v1/payments",
                json(200, "{\"message\":\"Payment recorded\",\"transaction_id\":\"payment_456\"}"));
    }

    private static Response json(int status, String body) {
        return new ResponseBuilder().setStatusCode(status).setContentType("application/json").setBody(body)
                .setHeader("X-Request-Id", "r").build();
    }
}
