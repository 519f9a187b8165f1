package dev.payments.webhooks;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connecting providers through the Account API (contract section 8): secrets go in and never come out. */
@QuarkusTest
class IntegrationsTest {

    private static final String PATH = "/api/v1/admin/websites/{id}/integrations/{provider}";

    @Test
    void shouldConnectAProviderWithoutEverReturningItsSecret() {
        String websiteId = website().id();
        put(BOOTSTRAP, websiteId, "stripe", "whsec_shown_once").statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].provider", equalTo("stripe"))
                .body("data[0].webhookPath", equalTo("/api/v1/webhooks/stripe/" + websiteId))
                .body("data[0].createdAt", notNullValue())
                .body("data[0].lastEventAt", nullValue())
                .body(not(containsString("whsec_shown_once")));
    }

    @Test
    void shouldListTheConnectedProvidersWithoutSecrets() {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        connect(websiteId, "paddle");
        as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/integrations", websiteId).then().statusCode(200)
                .body("data.provider", equalTo(List.of("paddle", "stripe")))
                .body(not(containsString("whsec_")))
                .body(not(containsString("pdl_ntfset_")));
    }

    @Test
    void shouldKeepLastEventAtOfTheLastVerifiedEvent() {
        String websiteId = website().id();
        String secret = connect(websiteId, "polar");
        deliver("polar", websiteId, secret, fixture("polar", "order.paid")).statusCode(200);
        as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/integrations", websiteId).then().statusCode(200)
                .body("data[0].lastEventAt", notNullValue());
    }

    @Test
    void shouldVerifyWithTheNewSecretOnceItIsReplaced() {
        String websiteId = website().id();
        String old = connect(websiteId, "lemonsqueezy");
        String replaced = connect(websiteId, "lemonsqueezy");
        String body = fixture("lemonsqueezy", "order_created");
        deliver("lemonsqueezy", websiteId, old, body).statusCode(400);
        deliver("lemonsqueezy", websiteId, replaced, body).statusCode(200);
        as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/integrations", websiteId).then().body("data", hasSize(1));
    }

    @Test
    void shouldRefuseAnUnknownProvider() {
        put(BOOTSTRAP, website().id(), "square", "secret").statusCode(404)
                .body("error.message",
                        equalTo("unknown provider square; expected stripe, lemonsqueezy, polar or paddle"));
    }

    @Test
    void shouldAnswer404ForAWebsiteIdWithANul() {
        as(BOOTSTRAP).urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("signingSecret", "whsec_x"))
                .put("/api/v1/admin/websites/%00/integrations/stripe").then().statusCode(404)
                .body("error.message", startsWith("no such website"));
    }

    @Test
    void shouldRefuseABlankSecret() {
        put(BOOTSTRAP, website().id(), "stripe", " ").statusCode(400)
                .body("error.message", containsString("signingSecret"));
    }

    @Test
    void shouldAnswer404WhenRemovingAProviderThatIsNotConnected() {
        as(BOOTSTRAP).delete(PATH, website().id(), "paddle").then().statusCode(404);
    }

    @Test
    void shouldNeedWebsitesWriteToConnect() {
        String websiteId = website().id();
        put(token(List.of("websites:read")), websiteId, "stripe", "whsec_x").statusCode(403);
    }

    @Test
    void shouldNeedPaymentsWriteAsWellAsWebsitesWriteToConnect() {
        String websiteId = website().id();
        put(token(List.of("websites:write", "websites:read")), websiteId, "stripe", "whsec_x").statusCode(403)
                .body("error.code", equalTo(403))
                .body("error.message", equalTo("this token lacks the payments:write permission"));
        as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/integrations", websiteId).then().body("data", hasSize(0));
    }

    @Test
    void shouldConnectWithWebsitesWriteAndPaymentsWrite() {
        String websiteId = website().id();
        put(token(List.of("websites:write", "payments:write"), websiteId), websiteId, "stripe", "whsec_x")
                .statusCode(200).body("data[0].provider", equalTo("stripe"));
    }

    @Test
    void shouldNeedPaymentsWriteToDisconnect() {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        as(token(List.of("websites:write"))).delete(PATH, websiteId, "stripe").then().statusCode(403)
                .body("error.message", equalTo("this token lacks the payments:write permission"));
        as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/integrations", websiteId).then().body("data", hasSize(1));
    }

    @Test
    void shouldLetWebsitesReadListButNotRemove() {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        String reader = token(List.of("websites:read"));
        as(reader).get("/api/v1/admin/websites/{id}/integrations", websiteId).then().statusCode(200);
        as(reader).delete(PATH, websiteId, "stripe").then().statusCode(403);
    }

    private static ValidatableResponse put(String token, String websiteId, String provider, String secret) {
        return as(token).contentType(ContentType.JSON).body(Map.of("signingSecret", secret))
                .put(PATH, websiteId, provider).then();
    }
}
