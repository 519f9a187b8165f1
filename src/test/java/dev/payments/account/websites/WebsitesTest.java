package dev.payments.account.websites;

import static dev.payments.account.websites.AdminAssertions.error;
import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
public class WebsitesTest {

    private static final String WEBSITES = "/api/v1/admin/websites";
    private static final String WEBSITE = WEBSITES + "/{id}";
    public static final String NO_SUCH_WEBSITE =
            "no such website; ids have at most 24 characters and no control characters";
    private static final String BAD_CURRENCY = "currency must be an ISO 4217 currency code such as USD or EUR";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldCreateAWebsiteWithDefaults() {
        String domain = domain();
        create(BOOTSTRAP, Map.of("domain", domain)).statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].id", matchesPattern("[0-9a-f]{24}"))
                .body("data[0].domain", equalTo(domain))
                .body("data[0].name", equalTo(domain))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].timezone", equalTo("UTC"))
                .body("data[0].trackingSuspended", equalTo(false))
                .body("data[0].createdAt", notNullValue());
    }

    @Test
    void shouldCreateAWebsiteWithAllFields() {
        create(BOOTSTRAP, Map.of("domain", domain(), "name", "My Shop", "currency", "EUR", "timezone", "Europe/Paris"))
                .statusCode(200)
                .body("data[0].name", equalTo("My Shop"))
                .body("data[0].currency", equalTo("EUR"))
                .body("data[0].timezone", equalTo("Europe/Paris"));
    }

    @Test
    void shouldStoreALowerCaseCurrencyInUpperCase() {
        create(BOOTSTRAP, Map.of("domain", domain(), "currency", "gbp")).statusCode(200)
                .body("data[0].currency", equalTo("GBP"));
    }

    @Test
    void shouldStoreTheDomainInLowerCase() {
        String domain = domain();
        create(BOOTSTRAP, Map.of("domain", domain.toUpperCase())).statusCode(200)
                .body("data[0].domain", equalTo(domain));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a domain", "https://example.com", "-shop.example.com", "shop..example.com"})
    void shouldRejectAnInvalidDomain(String domain) {
        error(create(BOOTSTRAP, Map.of("domain", domain)), 400, "domain must be a host name such as example.com")
                .body("error.fields", contains("domain"));
    }

    @Test
    void shouldRejectAnUnknownCurrency() {
        error(create(BOOTSTRAP, Map.of("domain", domain(), "currency", "ZZZ")), 400, BAD_CURRENCY)
                .body("error.fields", contains("currency"));
    }

    @Test
    void shouldRejectAnInvalidTimezone() {
        error(create(BOOTSTRAP, Map.of("domain", domain(), "timezone", "Mars/Olympus_Mons")), 400,
                "timezone must be an IANA time zone such as Europe/Paris")
                .body("error.fields", contains("timezone"));
    }

    @Test
    void shouldRejectADuplicateDomainInAnyCase() {
        String domain = domain();
        create(BOOTSTRAP, Map.of("domain", domain)).statusCode(200);
        error(create(BOOTSTRAP, Map.of("domain", domain.toUpperCase())), 409,
                "a website with domain " + domain + " already exists");
    }

    @Test
    void shouldRejectAMissingBody() {
        error(as(BOOTSTRAP).contentType(ContentType.JSON).post(WEBSITES).then(), 400, "request body is required");
    }

    @Test
    void shouldGetAWebsite() {
        as(BOOTSTRAP).get(WEBSITE, site.id()).then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].id", equalTo(site.id()))
                .body("data[0].domain", matchesPattern("site-[0-9a-f]{32}\\.example\\.com"))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].trackingSuspended", equalTo(false));
    }

    @Test
    void shouldAnswer404ForAnUnknownWebsite() {
        error(as(BOOTSTRAP).get(WEBSITE, "000000000000000000000000").then(), 404,
                "website 000000000000000000000000 does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%00b", "%0A", "%1F", "%7F"})
    void shouldAnswer404ForAWebsiteIdWithAControlCharacter(String encodedId) {
        error(as(BOOTSTRAP).urlEncodingEnabled(false).get(WEBSITES + "/" + encodedId).then(), 404, NO_SUCH_WEBSITE);
    }

    @Test
    void shouldAnswer404ForAWebsiteIdLongerThanAnyId() {
        error(as(BOOTSTRAP).get(WEBSITE, "0".repeat(25)).then(), 404, NO_SUCH_WEBSITE);
    }

    @Test
    void shouldListOnlyTheWebsitesARestrictedTokenReaches() {
        TestWebsite other = website();
        as(token(List.of("websites:read"), site.id())).get(WEBSITES).then().statusCode(200)
                .body("data.id", contains(site.id()));
        as(BOOTSTRAP).get(WEBSITES).then().statusCode(200)
                .body("data.id", hasItems(site.id(), other.id()));
    }

    @Test
    void shouldForbidARestrictedTokenToCreateAWebsite() {
        error(create(token(List.of("websites:write"), site.id()), Map.of("domain", domain())), 403,
                "a token limited to some websites cannot create websites");
    }

    static Stream<Arguments> updates() {
        return Stream.of(
                Arguments.of("name", "Renamed shop", "Renamed shop"),
                Arguments.of("currency", "eur", "EUR"),
                Arguments.of("timezone", "America/New_York", "America/New_York"),
                Arguments.of("trackingSuspended", true, true));
    }

    @ParameterizedTest
    @MethodSource("updates")
    void shouldUpdateOneFieldAndKeepTheOthers(String field, Object sent, Object stored) {
        Map<String, Object> before = as(BOOTSTRAP).get(WEBSITE, site.id()).then().extract().path("data[0]");
        update(BOOTSTRAP, Map.of(field, sent)).statusCode(200).body("data[0]." + field, equalTo(stored));
        ValidatableResponse after = as(BOOTSTRAP).get(WEBSITE, site.id()).then().statusCode(200)
                .body("data[0]." + field, equalTo(stored));
        before.keySet().stream().filter(member -> !member.equals(field))
                .forEach(member -> after.body("data[0]." + member, equalTo(before.get(member))));
    }

    @Test
    void shouldRejectAnUpdateToAnUnknownCurrency() {
        error(update(BOOTSTRAP, Map.of("currency", "ZZZ")), 400, BAD_CURRENCY)
                .body("error.fields", contains("currency"));
        as(BOOTSTRAP).get(WEBSITE, site.id()).then().body("data[0].currency", equalTo("USD"));
    }

    @Test
    void shouldDeleteAWebsiteWithItsKeysAndPayments() {
        String tx = unique("tx");
        record(site, payment(tx));
        as(BOOTSTRAP).delete(WEBSITE, site.id()).then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].message", equalTo("Website deleted"))
                .body("data[0].id", equalTo(site.id()));
        error(as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments").then(), 401,
                "unknown or revoked token");
        error(as(BOOTSTRAP).queryParam("websiteId", site.id()).get("/api/v1/payments").then(), 404,
                "website " + site.id() + " does not exist");
        as(BOOTSTRAP).get(WEBSITES).then().body("data.id", not(hasItem(site.id())));
    }

    @ParameterizedTest
    @CsvSource({WEBSITES + ", websites:read or settings:read", WEBSITE + ", websites:read or settings:read",
            WEBSITE + "/apikeys, api-keys:read",
            "/api/v1/admin/access-tokens, api-keys:read"})
    void shouldForbidAWebsiteKeyOnAdminRoutes(String path, String permission) {
        error(as(site.key()).get(path.replace("{id}", site.id())).then(), 403,
                "this token lacks the " + permission + " permission");
    }

    @Test
    void shouldForbidWritesToATokenWithoutWebsitesWrite() {
        String reader = token(List.of("websites:read"));
        String message = "this token lacks the websites:write permission";
        error(create(reader, Map.of("domain", domain())), 403, message);
        error(update(reader, Map.of("name", "x")), 403,
                "this token lacks the websites:write or settings:write permission");
        error(as(reader).delete(WEBSITE, site.id()).then(), 403, message);
        as(BOOTSTRAP).get(WEBSITE, site.id()).then().statusCode(200).body("data[0].name", not(equalTo("x")));
    }

    private static String domain() {
        return unique("shop").replace('_', '-') + ".example.com";
    }

    private static ValidatableResponse create(String token, Map<String, ?> body) {
        return as(token).contentType(ContentType.JSON).body(body).post(WEBSITES).then();
    }

    private ValidatableResponse update(String token, Map<String, ?> body) {
        return as(token).contentType(ContentType.JSON).body(body).put(WEBSITE, site.id()).then();
    }
}
