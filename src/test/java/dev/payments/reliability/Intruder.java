package dev.payments.reliability;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;

import dev.payments.support.Fixtures.TestWebsite;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;

/** Website B, which aims its own df_ key or a dft_ token restricted to B (with every permission) at website A. */
record Intruder(TestWebsite site, String restrictedToken, Credential credential) {

    enum Credential { WEBSITE_KEY, RESTRICTED_TOKEN }

    /** B has a payment at the victim's time too, so that B's lists and deletes of that range are not empty. */
    static Intruder create(Credential credential, Instant at) {
        TestWebsite site = website();
        record(site, payment(unique("tx"), "timestamp", at.toString()));
        return new Intruder(site, token(List.of("*"), site.id()), credential);
    }

    String id() {
        return site.id();
    }

    /** A request as B, on B's own website: a dft_ token names it with websiteId, a df_ key needs not. */
    RequestSpecification onOwnWebsite() {
        RequestSpecification request = plain();
        return credential == Credential.RESTRICTED_TOKEN ? request.queryParam("websiteId", id()) : request;
    }

    /** A request as B, naming no website. */
    RequestSpecification plain() {
        return as(credential == Credential.WEBSITE_KEY ? site.key() : restrictedToken);
    }
}
