package dev.payments.account.websites;

import static dev.payments.account.websites.AdminAssertions.error;
import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Account API as DataFast's documentation names things (contract section 6). */
@QuarkusTest
class DataFastShapesTest {

    private static final String WEBSITES = "/api/v1/admin/websites";
    private static final String TOKENS = "/api/v1/admin/access-tokens";

    @Test
    void shouldAnswerAWebsiteCreationWithItsIdAsIdUnderscoreIdAndWebsiteId() {
        JsonPath created = as(BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("domain", unique("shape").replace('_', '-') + ".example.com"))
                .post(WEBSITES).then().statusCode(200).extract().jsonPath();
        String id = created.getString("data[0].id");
        assertEquals(id, created.getString("data[0]._id"));
        assertEquals(id, created.getString("data[0].websiteId"));
        as(BOOTSTRAP).get(WEBSITES + "/{id}", id).then().statusCode(200)
                .body("data[0]._id", equalTo(id))
                .body("data[0]", not(hasKey("websiteId")));
    }

    @Test
    void shouldGiveKeysAndTokensTheirIdAsUnderscoreIdToo() {
        TestWebsite site = website();
        JsonPath key = as(BOOTSTRAP).get(WEBSITES + "/{id}/apikeys", site.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(key.getString("data[0].id"), key.getString("data[0]._id"));
        JsonPath created = createToken(BOOTSTRAP, Map.of("name", unique("token"), "permissions", List.of("*")))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(created.getString("data[0].id"), created.getString("data[0]._id"));
    }

    @Test
    void shouldLetSettingsPermissionsReadAndUpdateAWebsiteButNotCreateOrDeleteOne() {
        TestWebsite site = website();
        String settings = token(List.of("settings:read", "settings:write"));
        as(settings).get(WEBSITES + "/{id}", site.id()).then().statusCode(200);
        as(settings).get(WEBSITES).then().statusCode(200);
        as(settings).contentType(ContentType.JSON).body(Map.of("name", "renamed"))
                .put(WEBSITES + "/{id}", site.id()).then().statusCode(200).body("data[0].name", equalTo("renamed"));
        error(as(settings).delete(WEBSITES + "/{id}", site.id()).then(), 403,
                "this token lacks the websites:write permission");
        error(as(settings).contentType(ContentType.JSON).body(Map.of("domain", "settings.example.com"))
                .post(WEBSITES).then(), 403, "this token lacks the websites:write permission");
    }

    @Test
    void shouldKeepDataFastsOtherPermissionsThatGrantNothingHere() {
        List<String> others = List.of("analytics:read", "goals:write", "funnels:read", "funnels:write",
                "alerts:write", "team:write");
        JsonPath created = createToken(BOOTSTRAP, Map.of("name", unique("token"), "permissions", others))
                .then().statusCode(200).body("data[0].permissions", equalTo(others)).extract().jsonPath();
        error(as(created.getString("data[0].key")).get(WEBSITES).then(), 403,
                "this token lacks the websites:read or settings:read permission");
    }

    @Test
    void shouldGiveATokenCreatedWithoutPermissionsTheCallersOwn() {
        String caller = token(List.of("api-keys:write", "payments:read"));
        createToken(caller, Map.of("name", unique("token"))).then().statusCode(200)
                .body("data[0].permissions", contains("api-keys:write", "payments:read"));
    }

    @Test
    void shouldRefuseAPermissionDataFastDoesNotName() {
        error(createToken(BOOTSTRAP, Map.of("name", unique("token"), "permissions", List.of("payments:delete")))
                .then(), 400, "unknown permission payments:delete; known: payments:write, payments:read, "
                + "websites:read, websites:write, api-keys:read, api-keys:write, settings:read, settings:write, "
                + "analytics:read, goals:write, funnels:read, funnels:write, alerts:write, team:write, *");
    }

    private static Response createToken(String caller, Map<String, Object> body) {
        return as(caller).contentType(ContentType.JSON).body(body).post(TOKENS);
    }
}
