package dev.payments.reliability;

import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every route of the contract, aimed by website B at website A's resources, with the status B's df_ key and B's
 * restricted dft_ token must get. A df_ key has no Account API permission at all, so it gets 403 on every admin route.
 * Where B legitimately acts on its own website (a create with A's transaction id makes B's own payment; filters by A's
 * ids find nothing of B's), the answer is 200 and the sweep checks that nothing of A shows or changes.
 */
enum Attack {
    CREATE_PAYMENT_WITH_A_TRANSACTION_ID(200, 200, (a, b) -> json(b.onOwnWebsite())
            .body(payment(a.transactionId(), "refunded", true, "datafast_visitor_id", a.visitorId()))
            .post(Routes.PAYMENTS)),
    CREATE_PAYMENT_WITH_WEBSITE_ID_A(403, 403, (a, b) -> json(b.plain()).queryParam("websiteId", a.id())
            .body(payment(a.transactionId(), "refunded", true, "datafast_visitor_id", a.visitorId()))
            .post(Routes.PAYMENTS)),
    LIST_PAYMENTS_BY_A_TRANSACTION_ID(200, 200, (a, b) -> b.onOwnWebsite()
            .queryParam("transaction_id", a.transactionId()).get(Routes.PAYMENTS)),
    LIST_PAYMENTS_BY_A_VISITOR(200, 200, (a, b) -> b.onOwnWebsite()
            .queryParam("datafast_visitor_id", a.visitorId()).get(Routes.PAYMENTS)),
    LIST_PAYMENTS_BY_A_CUSTOMER(200, 200, (a, b) -> b.onOwnWebsite()
            .queryParam("customer_id", a.customerId()).get(Routes.PAYMENTS)),
    LIST_PAYMENTS_IN_A_RANGE(200, 200, (a, b) -> inRange(b.onOwnWebsite(), a).get(Routes.PAYMENTS)),
    LIST_PAYMENTS_BY_A_VISITOR_WITH_WEBSITE_IDS_B_THEN_A(200, 200, (a, b) -> b.plain()
            .queryParam("websiteId", b.id(), a.id()).queryParam("datafast_visitor_id", a.visitorId())
            .get(Routes.PAYMENTS)),
    LIST_PAYMENTS_WITH_WEBSITE_ID_A(403, 403, (a, b) -> b.plain().queryParam("websiteId", a.id())
            .get(Routes.PAYMENTS)),
    DELETE_PAYMENT_BY_A_TRANSACTION_ID(404, 404, (a, b) -> b.onOwnWebsite()
            .queryParam("transaction_id", a.transactionId()).delete(Routes.PAYMENTS)),
    DELETE_PAYMENT_BY_A_TX_ID(404, 404, (a, b) -> b.onOwnWebsite()
            .queryParam("tx_id", a.transactionId()).delete(Routes.PAYMENTS)),
    DELETE_PAYMENTS_OF_A_VISITOR(200, 200, (a, b) -> b.onOwnWebsite()
            .queryParam("datafast_visitor_id", a.visitorId()).delete(Routes.PAYMENTS)),
    DELETE_PAYMENTS_IN_A_RANGE(200, 200, (a, b) -> inRange(b.onOwnWebsite(), a).delete(Routes.PAYMENTS)),
    DELETE_PAYMENTS_WITH_WEBSITE_ID_A(403, 403, (a, b) -> inRange(b.plain(), a).queryParam("websiteId", a.id())
            .queryParam("datafast_visitor_id", a.visitorId()).delete(Routes.PAYMENTS)),

    LIST_ACCESS_TOKENS(403, 200, (a, b) -> b.plain().get(Routes.TOKENS)),
    CREATE_TOKEN_FOR_A(403, 403, (a, b) -> createToken(b, List.of(a.id()))),
    CREATE_TOKEN_FOR_A_AND_B(403, 403, (a, b) -> createToken(b, List.of(b.id(), a.id()))),
    CREATE_TOKEN_FOR_ALL_WEBSITES(403, 403, (a, b) -> createToken(b, List.of())),
    CREATE_TOKEN_NAMING_NO_WEBSITES(403, 403, (a, b) -> json(b.plain())
            .body(Map.of("name", unique("intruder-token"), "permissions", List.of("*"))).post(Routes.TOKENS)),
    REVOKE_TOKEN_OF_A(403, 404, (a, b) -> b.plain().delete(Routes.TOKEN, a.restricted().id())),
    REVOKE_TOKEN_OF_A_AND_B(403, 404, (a, b) -> b.plain().delete(Routes.TOKEN, a.shared().id())),
    REVOKE_TOKEN_OF_ALL_WEBSITES(403, 404, (a, b) -> b.plain().delete(Routes.TOKEN, a.allWebsites().id())),

    LIST_WEBSITES(403, 200, (a, b) -> b.plain().get(Routes.WEBSITES)),
    CREATE_WEBSITE(403, 403, (a, b) -> json(b.plain())
            .body(Map.of("domain", unique("intruder").replace('_', '-') + ".example.com")).post(Routes.WEBSITES)),
    READ_WEBSITE_A(403, 403, (a, b) -> b.plain().get(Routes.WEBSITE, a.id())),
    UPDATE_WEBSITE_A(403, 403, (a, b) -> json(b.plain())
            .body(Map.of("name", "taken over", "currency", "EUR", "timezone", "Asia/Tokyo", "trackingSuspended", true))
            .put(Routes.WEBSITE, a.id())),
    DELETE_WEBSITE_A(403, 403, (a, b) -> b.plain().delete(Routes.WEBSITE, a.id())),

    LIST_KEYS_OF_A(403, 403, (a, b) -> b.plain().get(Routes.KEYS, a.id())),
    LIST_KEYS_OF_B(403, 200, (a, b) -> b.plain().get(Routes.KEYS, b.id())),
    CREATE_KEY_FOR_A(403, 403, (a, b) -> json(b.plain()).body(Map.of("name", "intruder")).post(Routes.KEYS, a.id())),
    ROLL_KEY_OF_A_UNDER_A(403, 403, (a, b) -> b.plain().put(Routes.KEY, a.id(), a.keyId())),
    ROLL_KEY_OF_A_UNDER_B(403, 404, (a, b) -> b.plain().put(Routes.KEY, b.id(), a.keyId())),
    REVOKE_KEY_OF_A_UNDER_A(403, 403, (a, b) -> b.plain().delete(Routes.KEY, a.id(), a.keyId())),
    REVOKE_KEY_OF_A_UNDER_B(403, 404, (a, b) -> b.plain().delete(Routes.KEY, b.id(), a.keyId()));

    private static final Duration AROUND = Duration.ofMinutes(1);

    private final int websiteKeyStatus;
    private final int restrictedTokenStatus;
    private final BiFunction<Victim, Intruder, Response> request;

    Attack(int websiteKeyStatus, int restrictedTokenStatus, BiFunction<Victim, Intruder, Response> request) {
        this.websiteKeyStatus = websiteKeyStatus;
        this.restrictedTokenStatus = restrictedTokenStatus;
        this.request = request;
    }

    Response send(Victim a, Intruder b) {
        return request.apply(a, b);
    }

    int expectedStatus(Intruder.Credential credential) {
        return credential == Intruder.Credential.WEBSITE_KEY ? websiteKeyStatus : restrictedTokenStatus;
    }

    private static RequestSpecification json(RequestSpecification request) {
        return request.contentType(ContentType.JSON);
    }

    private static RequestSpecification inRange(RequestSpecification request, Victim a) {
        return request.queryParam("startAt", a.at().minus(AROUND).toString())
                .queryParam("endAt", a.at().plus(AROUND).toString());
    }

    private static Response createToken(Intruder b, List<String> websiteIds) {
        return json(b.plain()).body(Map.of("name", unique("intruder-token"), "permissions", List.of("*"),
                "websiteIds", websiteIds)).post(Routes.TOKENS);
    }

    private static final class Routes {
        static final String PAYMENTS = "/api/v1/payments";
        static final String TOKENS = "/api/v1/admin/access-tokens";
        static final String TOKEN = TOKENS + "/{tokenId}";
        static final String WEBSITES = "/api/v1/admin/websites";
        static final String WEBSITE = WEBSITES + "/{websiteId}";
        static final String KEYS = WEBSITE + "/apikeys";
        static final String KEY = KEYS + "/{apiKeyId}";
    }
}
