package dev.payments.account.tokens;

import static dev.payments.account.websites.AdminAssertions.error;
import static dev.payments.account.websites.AdminAssertions.masked;
import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTokensTest {

    private static final String TOKENS = "/api/v1/admin/access-tokens";
    private static final String UNKNOWN_ID = "000000000000000000000000";

    private TestWebsite site;
    private TestWebsite other;

    @BeforeEach
    void newWebsites() {
        site = website();
        other = website();
    }

    @Test
    void shouldReturnTheRawTokenOnceWithAMaskedDisplayKey() {
        JsonPath created = create(BOOTSTRAP, List.of("payments:read", "websites:read"), site.id()).statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].id", matchesPattern("[0-9a-f]{24}"))
                .body("data[0].name", startsWith("token_"))
                .body("data[0].key", matchesPattern("dft_[0-9a-f]{40}"))
                .body("data[0].permissions", contains("payments:read", "websites:read"))
                .body("data[0].websiteIds", contains(site.id()))
                .body("data[0].createdAt", notNullValue())
                .extract().jsonPath();
        assertEquals(masked(created.getString("data[0].key")), created.getString("data[0].displayKey"));
    }

    @Test
    void shouldLetACreatedTokenUseOnlyItsPermissions() {
        String reader = token(List.of("websites:read"));
        as(reader).get("/api/v1/admin/websites").then().statusCode(200).body("data.id", hasItem(site.id()));
        error(as(reader).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .put("/api/v1/admin/websites/{id}", site.id()).then(), 403,
                "this token lacks the websites:write or settings:write permission");
        error(as(reader).get(TOKENS).then(), 403, "this token lacks the api-keys:read permission");
    }

    @Test
    void shouldListTokensMaskedWithoutTheRawKey() {
        JsonPath created = create(BOOTSTRAP, List.of("payments:read"), site.id()).extract().jsonPath();
        String item = "data.find { it.id == '" + created.getString("data[0].id") + "' }";
        as(BOOTSTRAP).get(TOKENS).then().statusCode(200)
                .body("status", equalTo("success"))
                .body(item, allOf(not(hasKey("key")), hasKey("createdAt"), hasKey("lastUsedAt")))
                .body(item + ".displayKey", equalTo(created.getString("data[0].displayKey")))
                .body(item + ".permissions", contains("payments:read"))
                .body(item + ".websiteIds", contains(site.id()))
                .body("data.displayKey", not(hasItem(created.getString("data[0].key"))));
    }

    @Test
    void shouldRejectAnUnknownPermission() {
        create(BOOTSTRAP, List.of("payments:read", "payments:delete")).statusCode(400)
                .body("status", equalTo("error"))
                .body("error.code", equalTo(400))
                .body("error.message", startsWith("unknown permission payments:delete"))
                .body("error.fields", contains("permissions"));
    }

    @Test
    void shouldForbidGrantingAPermissionTheCallerLacks() {
        String caller = token(List.of("api-keys:write"));
        error(create(caller, List.of("api-keys:write", "payments:read")), 403,
                "cannot grant payments:read: the calling token does not have it");
    }

    @Test
    void shouldForbidARestrictedCallerToGrantAnotherWebsite() {
        String caller = token(List.of("api-keys:write"), site.id());
        error(create(caller, List.of("api-keys:write"), site.id(), other.id()), 403,
                "cannot grant access to websites the calling token cannot reach");
    }

    @Test
    void shouldForbidARestrictedCallerToGrantAllWebsites() {
        String caller = token(List.of("api-keys:write"), site.id());
        error(create(caller, List.of("api-keys:write")), 403,
                "cannot grant access to websites the calling token cannot reach");
    }

    @Test
    void shouldLetARestrictedCallerGrantASubset() {
        String caller = token(List.of("api-keys:write", "payments:read", "payments:write"), site.id(), other.id());
        String granted = create(caller, List.of("payments:read"), site.id()).statusCode(200)
                .body("data[0].permissions", contains("payments:read"))
                .body("data[0].websiteIds", contains(site.id()))
                .extract().path("data[0].key");
        as(granted).queryParam("websiteId", site.id()).get("/api/v1/payments").then().statusCode(200);
        error(as(granted).queryParam("websiteId", other.id()).get("/api/v1/payments").then(), 403,
                "this token has no access to website " + other.id());
    }

    @Test
    void shouldRejectAnUnknownWebsiteId() {
        error(create(BOOTSTRAP, List.of("payments:read"), site.id(), UNKNOWN_ID), 400,
                "unknown website ids: " + UNKNOWN_ID)
                .body("error.fields", contains("websiteIds"));
    }

    @Test
    void shouldRejectAWebsiteIdWithANul() {
        error(create(BOOTSTRAP, List.of("payments:read"), site.id(), "a\u0000b"), 400,
                "malformed id in websiteIds; ids have at most 24 characters and no control characters")
                .body("error.fields", contains("websiteIds"));
    }

    @Test
    void shouldRevokeATokenAtOnce() {
        JsonPath created = create(BOOTSTRAP, List.of("websites:read")).extract().jsonPath();
        String id = created.getString("data[0].id");
        String key = created.getString("data[0].key");
        as(key).get("/api/v1/admin/websites").then().statusCode(200);
        as(BOOTSTRAP).delete(TOKENS + "/{id}", id).then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].message", equalTo("Access token revoked"))
                .body("data[0].id", equalTo(id));
        error(as(key).get("/api/v1/admin/websites").then(), 401, "unknown or revoked token");
        as(BOOTSTRAP).get(TOKENS).then().body("data.id", not(hasItem(id)));
    }

    @Test
    void shouldAnswer404WhenRevokingAnUnknownToken() {
        error(as(BOOTSTRAP).delete(TOKENS + "/{id}", UNKNOWN_ID).then(), 404, "no access token " + UNKNOWN_ID);
    }

    @Test
    void shouldAnswer404WhenRevokingATokenIdWithANul() {
        error(as(BOOTSTRAP).urlEncodingEnabled(false).delete(TOKENS + "/%00").then(), 404,
                "no such access token; ids have at most 24 characters and no control characters");
    }

    @Test
    void shouldAnswer404WhenRevokingATokenOutsideTheCeiling() {
        String outside = id(create(BOOTSTRAP, List.of("api-keys:write"), other.id()));
        String caller = token(List.of("api-keys:write"), site.id());
        error(as(caller).delete(TOKENS + "/{id}", outside).then(), 404, "no access token " + outside);
        as(BOOTSTRAP).get(TOKENS).then().body("data.id", hasItem(outside));
    }

    @Test
    void shouldListOnlyTokensWithinTheCallersCeiling() {
        String caller = token(List.of("api-keys:read", "payments:read"), site.id(), other.id());
        String sameSite = id(create(BOOTSTRAP, List.of("payments:read"), site.id()));
        String bothSites = id(create(BOOTSTRAP, List.of("api-keys:read"), site.id(), other.id()));
        String morePermissions = id(create(BOOTSTRAP, List.of("payments:write"), site.id()));
        String allWebsites = id(create(BOOTSTRAP, List.of("payments:read")));
        String thirdSite = id(create(BOOTSTRAP, List.of("payments:read"), website().id()));
        as(caller).get(TOKENS).then().statusCode(200)
                .body("data.id", hasItems(sameSite, bothSites))
                .body("data.id", everyItem(not(in(List.of(morePermissions, allWebsites, thirdSite)))))
                .body("data.permissions.flatten()", everyItem(in(List.of("api-keys:read", "payments:read"))))
                .body("data.websiteIds.flatten()", everyItem(in(List.of(site.id(), other.id()))))
                .body("data.findAll { it.websiteIds.isEmpty() }", empty());
    }

    private static ValidatableResponse create(String caller, List<String> permissions, String... websiteIds) {
        return as(caller).contentType(ContentType.JSON)
                .body(Map.of("name", unique("token"), "permissions", permissions, "websiteIds", List.of(websiteIds)))
                .post(TOKENS).then();
    }

    private static String id(ValidatableResponse created) {
        return created.statusCode(200).extract().path("data[0].id");
    }
}
