package dev.payments.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract section 7: the OpenAPI document describes bearer security and every failure on every route. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

    @Test
    void shouldRequireTheBearerSchemeEverywhere() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("security[0]", hasKey("bearer"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void shouldDocumentTheErrorShapeForAuthAndServerFailuresOnEveryRoute() {
        JsonPath document = document();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (String method : METHODS) {
                if (path.getValue().containsKey(method)) {
                    operations++;
                    Map<String, Object> responses = document.getMap("paths.'" + path.getKey() + "'." + method + ".responses");
                    for (String status : List.of("200", "401", "403", "500", "503")) {
                        assertTrue(responses.containsKey(status), method + " " + path.getKey() + " lacks " + status);
                    }
                }
            }
        }
        assertEquals(15, operations, "every route of the contract is documented");
        assertEquals("#/components/schemas/Error",
                document.getString("components.responses.Unauthorized.content.'application/json'.schema.$ref"));
    }

    @Test
    void shouldShowRequestExamplesForRecordingAPayment() {
        JsonPath document = document();
        Map<String, Object> examples = document.getMap(
                "paths.'/api/v1/payments'.post.requestBody.content.'application/json'.examples");
        assertTrue(examples.containsKey("payment") && examples.containsKey("refund"), examples.toString());
    }

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
