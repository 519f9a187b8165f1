package dev.payments.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Contract section 7: the OpenAPI document, served and published at build time, describes every route fully. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final Path PUBLISHED = Path.of("target", "openapi");
    private static final Set<String> ROUTES = Set.of(
            "post /api/v1/payments", "get /api/v1/payments", "delete /api/v1/payments",
            "post /api/v1/payments/batch", "get /api/v1/revenue",
            "get /api/v1/admin/access-tokens", "post /api/v1/admin/access-tokens",
            "delete /api/v1/admin/access-tokens/{tokenId}",
            "get /api/v1/admin/websites", "post /api/v1/admin/websites",
            "get /api/v1/admin/websites/{websiteId}", "put /api/v1/admin/websites/{websiteId}",
            "delete /api/v1/admin/websites/{websiteId}",
            "get /api/v1/admin/websites/{websiteId}/apikeys", "post /api/v1/admin/websites/{websiteId}/apikeys",
            "put /api/v1/admin/websites/{websiteId}/apikeys/{apiKeyId}",
            "delete /api/v1/admin/websites/{websiteId}/apikeys/{apiKeyId}",
            "get /api/v1/admin/websites/{websiteId}/integrations",
            "put /api/v1/admin/websites/{websiteId}/integrations/{provider}",
            "delete /api/v1/admin/websites/{websiteId}/integrations/{provider}",
            "get /api/v1/admin/websites/{websiteId}/integrations/{provider}/deliveries",
            "post /api/v1/admin/websites/{websiteId}/integrations/stripe/import",
            "get /api/v1/admin/websites/{websiteId}/integrations/stripe/import",
            "post /api/v1/webhooks/{provider}/{websiteId}");

    @Test
    void shouldDocumentEveryRouteOfTheContract() {
        JsonPath document = document();
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> METHODS.stream().filter(operations::containsKey)
                .forEach(method -> documented.add(method + " " + path)));
        assertEquals(new TreeSet<>(ROUTES), documented);
    }

    @Test
    void shouldRequireTheBearerSchemeEverywhere() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("security[0]", hasKey("bearer"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void shouldNotAskProvidersForABearerToken() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/webhooks/{provider}/{websiteId}'.post.security", equalTo(List.of()));
    }

    @Test
    void shouldDocumentEveryFailureWithTheErrorSchema() {
        JsonPath document = document();
        for (String route : ROUTES) {
            Map<String, Object> responses = operation(document, route, "responses");
            // a success: 200, or 202 for the one route that starts work in the background (an import)
            assertTrue(responses.containsKey("200") || responses.containsKey("202"), route + " lacks a success");
            for (String status : List.of("429", "500", "503")) {
                assertTrue(responses.containsKey(status), route + " lacks " + status);
            }
            // a provider's webhook carries no token: it is never a 401 or a 403
            boolean tokenless = route.startsWith("post /api/v1/webhooks/");
            for (String status : List.of("401", "403")) {
                assertEquals(!tokenless, responses.containsKey(status), route + " " + status);
            }
            responses.forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    assertEquals("#/components/schemas/Error", errorSchemaOf(document, response), route + " " + status);
                }
            });
        }
    }

    @Test
    void shouldDocument408OnEveryRouteThatTakesABody() {
        JsonPath document = document();
        for (String route : ROUTES) {
            boolean takesABody = operation(document, route, "requestBody") != null;
            assertEquals(takesABody, operation(document, route, "responses").containsKey("408"), route);
        }
    }

    @Test
    void shouldGiveEachErrorResponseAnExampleWithItsOwnStatus() {
        JsonPath document = document();
        for (String route : ROUTES) {
            operation(document, route, "responses").forEach((status, response) -> {
                Object ref = ((Map<?, ?>) response).get("$ref");
                if (ref != null) {
                    String example = "components.responses." + ref.toString().replace("#/components/responses/", "")
                            + ".content.'application/json'.example";
                    assertEquals("error", document.getString(example + ".status"), route + " " + status);
                    assertEquals(Integer.parseInt(status), document.getInt(example + ".error.code"), route + " " + status);
                }
            });
        }
    }

    @Test
    void shouldGiveEveryParameterAType() {
        JsonPath document = document();
        for (String route : ROUTES) {
            List<Map<String, Object>> parameters = document.getList(pathOf(route) + ".parameters");
            if (parameters != null) {
                parameters.forEach(parameter -> assertTrue(parameter.containsKey("schema"), route + " " + parameter));
            }
        }
    }

    @Test
    void shouldNameEachOperationAsAClientAuthorWould() {
        JsonPath document = document();
        Set<String> ids = new TreeSet<>();
        ROUTES.forEach(route -> ids.add(document.getString(pathOf(route) + ".operationId")));
        assertEquals(new TreeSet<>(List.of("createPayment", "listPayments", "deletePayments", "listAccessTokens",
                "createAccessToken", "revokeAccessToken", "listWebsites", "createWebsite", "getWebsite",
                "updateWebsite", "deleteWebsite", "listApiKeys", "createApiKey", "rollApiKey", "revokeApiKey",
                "listIntegrations", "connectIntegration", "removeIntegration", "listIntegrationDeliveries",
                "startStripeImport", "getStripeImport", "receiveWebhook", "createPayments",
                "getRevenue")), ids);
    }

    @Test
    void shouldServeRelativeToWhereTheDocumentWasLoadedFrom() {
        assertEquals(List.of(Map.of("url", "/")), document().getList("servers"));
    }

    @Test
    void shouldWritePatternsThatMeanTheSameInEcmaScriptAndMatchTheirExamples() {
        Map<String, Map<String, Object>> properties = document()
                .getMap("components.schemas.PaymentRequest.properties");
        properties.forEach((name, property) -> {
            String pattern = (String) property.get("pattern");
            if (pattern != null) {
                assertTrue(!pattern.contains("\\p{") && !pattern.contains("\\P{"), name + ": Java-only " + pattern);
                List<?> examples = (List<?>) property.getOrDefault("examples", List.of());
                examples.forEach(example -> assertTrue(java.util.regex.Pattern.compile(pattern)
                        .matcher(String.valueOf(example)).find(), name + ": " + example + " against " + pattern));
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBoundEveryIdAClientNamesAsTheServiceChecksIt() {
        JsonPath document = document();
        List<Map<String, Object>> ids = new ArrayList<>();
        for (String route : ROUTES) {
            List<Map<String, Object>> parameters = document.getList(pathOf(route) + ".parameters");
            Objects.requireNonNullElse(parameters, List.<Map<String, Object>>of()).stream()
                    .filter(parameter -> List.of("websiteId", "apiKeyId", "tokenId").contains(parameter.get("name")))
                    .forEach(parameter -> ids.add((Map<String, Object>) parameter.get("schema")));
        }
        ids.add(document.getMap("components.schemas.CreateAccessToken.properties.websiteIds.items"));
        assertEquals(23, ids.size(), "websiteId in 14 paths and 5 queries, apiKeyId in 2, tokenId in 1, websiteIds");
        ids.forEach(schema -> {
            assertEquals(24, schema.get("maxLength"), schema.toString());
            assertEquals("^[^\\u0000-\\u001f\\u007f-\\u009f]*$", schema.get("pattern"), schema.toString());
        });
    }

    @Test
    void shouldMarkTheAliasParametersDeprecated() {
        JsonPath document = document();
        assertEquals(List.of(true, true), deprecation(document, "get /api/v1/payments", "start", "end"));
        assertEquals(List.of(true, true, true),
                deprecation(document, "delete /api/v1/payments", "tx_id", "start", "end"));
        assertEquals(List.of(false), deprecation(document, "delete /api/v1/payments", "transaction_id"));
    }

    @Test
    void shouldDeclareTheRequestIdOnEveryResponseAndRetryAfterWithEvery503() {
        JsonPath document = document();
        Map<String, Map<String, Object>> responses = document.getMap("components.responses");
        responses.forEach((name, response) -> assertTrue(((Map<?, ?>) response.get("headers")).containsKey(
                "X-Request-Id"), name));
        assertTrue(((Map<?, ?>) responses.get("ServiceUnavailable").get("headers")).containsKey("Retry-After"));
        assertTrue(document.getMap(pathOf("post /api/v1/payments") + ".responses.'200'.headers")
                .containsKey("RateLimit-Remaining"));
    }

    private static List<Boolean> deprecation(JsonPath document, String route, String... names) {
        List<Map<String, Object>> parameters = document.getList(pathOf(route) + ".parameters");
        return List.of(names).stream().map(name -> parameters.stream().filter(p -> name.equals(p.get("name")))
                .findFirst().map(p -> Boolean.TRUE.equals(p.get("deprecated"))).orElseThrow()).toList();
    }

    @Test
    void shouldShowRequestExamplesForRecordingAPayment() {
        JsonPath document = document();
        Map<String, Object> examples = document.getMap(
                "paths.'/api/v1/payments'.post.requestBody.content.'application/json'.examples");
        assertTrue(examples.containsKey("payment") && examples.containsKey("refund"), examples.toString());
    }

    @Test
    void shouldNameTheServiceVersionAndContactAndDescribeBothTokenKinds() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Payments API"))
                .body("info.version", not(equalTo("1.0.0")))
                .body("info.version", startsWith("1."))
                .body("info.contact.name", equalTo("Payments API maintainers"))
                .body("info.description", containsString("`df_` website key"))
                .body("info.description", containsString("`dft_` account token"));
    }

    @Test
    void shouldPublishTheServedDocumentAsJsonAndYamlAtBuildTime() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        assertEquals(served, json.readTree(PUBLISHED.resolve("openapi.json").toFile()));
        assertEquals(served, new ObjectMapper(new YAMLFactory()).readTree(PUBLISHED.resolve("openapi.yaml").toFile()));
    }

    /** The schema of an error response, given inline or through a reference to components.responses. */
    @SuppressWarnings("unchecked")
    private static String errorSchemaOf(JsonPath document, Object response) {
        Map<String, Object> body = (Map<String, Object>) response;
        if (body.containsKey("$ref")) {
            body = document.getMap("components.responses." + body.get("$ref").toString().replace("#/components/responses/", ""));
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        return (String) ((Map<String, Object>) json.get("schema")).get("$ref");
    }

    /** "post /api/v1/payments" as a JsonPath to its operation. */
    private static String pathOf(String route) {
        String[] methodAndPath = route.split(" ");
        return "paths.'" + methodAndPath[1] + "'." + methodAndPath[0];
    }

    private static Map<String, Object> operation(JsonPath document, String route, String member) {
        return document.getMap(pathOf(route) + "." + member);
    }

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
