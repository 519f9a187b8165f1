package dev.payments.reliability;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;

import dev.payments.support.Fixtures.TestWebsite;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Website A, the target of the isolation sweep: a df_ key; a payment with a visitor and one without, {@code
 * transactionId}, so that a stray attribution or refund would show; and three tokens that reach A: one restricted to
 * A, one for all websites, one for A and the intruder's website B. Every name and e-mail is unique, so that finding
 * one in a response to B is a leak.
 */
record Victim(TestWebsite site, String domain, String keyId, String keyDisplay, String transactionId, String visitorId,
        String customerId, String email, Instant at, Token restricted, Token allWebsites, Token shared) {

    record Token(String id, String name, String key) {
    }

    static Victim create(String intruderWebsiteId, Instant at) {
        TestWebsite site = website();
        String domain = as(BOOTSTRAP).get("/api/v1/admin/websites/{id}", site.id())
                .then().statusCode(200).extract().path("data[0].domain");
        Map<String, String> key = as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/apikeys", site.id())
                .then().statusCode(200).extract().path("data[0]");
        String email = unique("victim") + "@example.com";
        String customerId = unique("customer");
        String visitorId = unique("visitor");
        String transactionId = unique("tx");
        record(site, payment(transactionId, "customer_email", email, "customer_id", customerId,
                "timestamp", at.toString()));
        record(site, payment(unique("tx"), "customer_email", email, "customer_id", customerId,
                "datafast_visitor_id", visitorId, "timestamp", at.toString()));
        return new Victim(site, domain, key.get("id"), key.get("displayKey"), transactionId, visitorId, customerId,
                email, at, token(site.id()), token(), token(site.id(), intruderWebsiteId));
    }

    String id() {
        return site.id();
    }

    List<String> tokenIds() {
        return List.of(restricted.id(), allWebsites.id(), shared.id());
    }

    /** What no response to the intruder may contain. */
    List<String> secrets() {
        return List.of(domain, keyDisplay, email, restricted.name(), allWebsites.name(), shared.name());
    }

    /**
     * Everything of A that B could touch, read with A's own key and tokens, so that reading it also proves they still
     * work. Last-use times change with every read, so they are left out.
     */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("payments", as(site.key()).get("/api/v1/payments").then().statusCode(200).extract().path("data"));
        state.put("website", as(restricted.key()).get("/api/v1/admin/websites/{id}", id())
                .then().statusCode(200).extract().path("data[0]"));
        state.put("keys", withoutLastUse(as(shared.key()).get("/api/v1/admin/websites/{id}/apikeys", id())
                .then().statusCode(200).extract().jsonPath()));
        state.put("tokens", withoutLastUse(as(allWebsites.key()).get("/api/v1/admin/access-tokens")
                .then().statusCode(200).extract().jsonPath()).stream()
                .filter(token -> tokenIds().contains(token.get("id"))).toList());
        return state;
    }

    private static List<Map<String, Object>> withoutLastUse(JsonPath listed) {
        List<Map<String, Object>> items = listed.getList("data");
        items.forEach(item -> item.remove("lastUsedAt"));
        return items;
    }

    private static Token token(String... websiteIds) {
        String name = unique("victim-token");
        JsonPath created = as(BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", name, "permissions", List.of("*"), "websiteIds", List.of(websiteIds)))
                .post("/api/v1/admin/access-tokens")
                .then().statusCode(200).extract().jsonPath();
        return new Token(created.getString("data[0].id"), name, created.getString("data[0].key"));
    }
}
