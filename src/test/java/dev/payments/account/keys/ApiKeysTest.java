package dev.payments.account.keys;

import static dev.payments.account.websites.AdminAssertions.error;
import static dev.payments.account.websites.AdminAssertions.masked;
import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.payments.account.websites.WebsitesTest;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeysTest {

    private static final String KEYS = "/api/v1/admin/websites/{websiteId}/apikeys";
    private static final String KEY = KEYS + "/{apiKeyId}";
    private static final String UNKNOWN_ID = "000000000000000000000000";
    private static final String NO_SUCH_KEY =
            "no such API key; ids have at most 24 characters and no control characters";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldReturnTheRawKeyOnceWithAMaskedDisplayKey() {
        JsonPath created = create(site.id(), "Stripe webhook").statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].id", matchesPattern("[0-9a-f]{24}"))
                .body("data[0].name", equalTo("Stripe webhook"))
                .body("data[0].websiteId", equalTo(site.id()))
                .body("data[0].key", matchesPattern("df_[0-9a-f]{40}"))
                .body("data[0].createdAt", notNullValue())
                .body("data[0].lastUsedAt", nullValue())
                .extract().jsonPath();
        String key = created.getString("data[0].key");
        assertEquals(masked(key), created.getString("data[0].displayKey"));
        works(key);
    }

    @Test
    void shouldListKeysMaskedWithoutTheRawKey() {
        JsonPath created = create(site.id(), "listed").statusCode(200).extract().jsonPath();
        String item = "data.find { it.id == '" + created.getString("data[0].id") + "' }";
        list(site.id()).statusCode(200)
                .body("status", equalTo("success"))
                .body("data", hasSize(2))
                .body(item, allOf(not(hasKey("key")), hasKey("createdAt"), hasKey("lastUsedAt")))
                .body(item + ".displayKey", equalTo(created.getString("data[0].displayKey")))
                .body(item + ".name", equalTo("listed"))
                .body(item + ".websiteId", equalTo(site.id()))
                .body("data.displayKey", not(hasItem(created.getString("data[0].key"))));
    }

    @Test
    void shouldRefuseAnEleventhKey() {
        for (int i = 2; i <= 10; i++) {
            create(site.id(), "key " + i).statusCode(200);
        }
        error(create(site.id(), "key 11"), 400, "Key limit reached (max 10 per website)");
        list(site.id()).body("data", hasSize(10));
    }

    @Test
    void shouldRollAKeySoOnlyTheNewOneWorks() {
        JsonPath created = create(site.id(), "rolled").extract().jsonPath();
        String id = created.getString("data[0].id");
        String old = created.getString("data[0].key");
        works(old);
        JsonPath rolled = as(BOOTSTRAP).put(KEY, site.id(), id).then().statusCode(200)
                .body("data[0].id", equalTo(id))
                .body("data[0].name", equalTo("rolled"))
                .body("data[0].key", matchesPattern("df_[0-9a-f]{40}"))
                .extract().jsonPath();
        String fresh = rolled.getString("data[0].key");
        assertNotEquals(old, fresh);
        assertEquals(masked(fresh), rolled.getString("data[0].displayKey"));
        revoked(old);
        works(fresh);
    }

    @Test
    void shouldRevokeAKeyAtOnce() {
        JsonPath created = create(site.id(), "revoked").extract().jsonPath();
        String id = created.getString("data[0].id");
        works(created.getString("data[0].key"));
        as(BOOTSTRAP).delete(KEY, site.id(), id).then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].message", equalTo("API key revoked"))
                .body("data[0].id", equalTo(id));
        revoked(created.getString("data[0].key"));
        list(site.id()).body("data.id", not(hasItem(id)));
        works(site.key());
    }

    @Test
    void shouldAnswer404ForAnUnknownKey() {
        String message = "website " + site.id() + " has no API key " + UNKNOWN_ID;
        error(as(BOOTSTRAP).put(KEY, site.id(), UNKNOWN_ID).then(), 404, message);
        error(as(BOOTSTRAP).delete(KEY, site.id(), UNKNOWN_ID).then(), 404, message);
    }

    @Test
    void shouldAnswer404ForTheKeysOfAWebsiteIdWithANul() {
        error(as(BOOTSTRAP).urlEncodingEnabled(false).get("/api/v1/admin/websites/%00/apikeys").then(), 404,
                WebsitesTest.NO_SUCH_WEBSITE);
    }

    @Test
    void shouldAnswer404WhenRevokingAKeyIdWithANul() {
        error(as(BOOTSTRAP).urlEncodingEnabled(false).delete(KEYS.replace("{websiteId}", site.id()) + "/%00").then(),
                404, NO_SUCH_KEY);
    }

    @Test
    void shouldAnswer404WhenRollingAKeyIdLongerThanAnyId() {
        error(as(BOOTSTRAP).put(KEY, site.id(), "0".repeat(25)).then(), 404, NO_SUCH_KEY);
    }

    @Test
    void shouldAnswer404ForAKeyOfAnotherWebsite() {
        TestWebsite other = website();
        JsonPath created = create(other.id(), "other's").extract().jsonPath();
        String id = created.getString("data[0].id");
        String message = "website " + site.id() + " has no API key " + id;
        error(as(BOOTSTRAP).put(KEY, site.id(), id).then(), 404, message);
        error(as(BOOTSTRAP).delete(KEY, site.id(), id).then(), 404, message);
        works(created.getString("data[0].key"));
    }

    @Test
    void shouldForbidATokenNotListingTheWebsite() {
        TestWebsite other = website();
        String restricted = token(List.of("api-keys:read", "api-keys:write"), other.id());
        String message = "this token has no access to website " + site.id();
        error(as(restricted).get(KEYS, site.id()).then(), 403, message);
        error(as(restricted).contentType(ContentType.JSON).body(Map.of("name", "sneaky"))
                .post(KEYS, site.id()).then(), 403, message);
        error(as(restricted).delete(KEY, site.id(), UNKNOWN_ID).then(), 403, message);
        as(restricted).get(KEYS, other.id()).then().statusCode(200);
    }

    @Test
    void shouldRecordWhenAKeyWasLastUsedWithoutTheRequestWaitingForIt() {
        String lastUsed = "data[0].lastUsedAt";
        list(site.id()).body(lastUsed, nullValue());
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
        // written by the background flush (every second in the test profile, every minute by default)
        Eventually.within(Duration.ofSeconds(10), () -> list(site.id()).extract().path(lastUsed) != null);
        list(site.id()).body(lastUsed, notNullValue());
    }

    private static ValidatableResponse create(String websiteId, String name) {
        return as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", name)).post(KEYS, websiteId).then();
    }

    private static ValidatableResponse list(String websiteId) {
        return as(BOOTSTRAP).get(KEYS, websiteId).then();
    }

    /** The key authenticates on the Payments API. */
    private static void works(String key) {
        as(key).get("/api/v1/payments").then().statusCode(200);
    }

    private static void revoked(String key) {
        error(as(key).get("/api/v1/payments").then(), 401, "unknown or revoked token");
    }
}
