package dev.payments.reliability;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.apiKey;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;

import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A website deleted a moment ago (by another instance, or racing the request) that this instance's cache still knows:
 * writing for it is a 404, never a 500. In process only: the website is deleted behind the cache's back.
 */
@QuarkusTest
class DeletedWebsiteTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAnswer404ToAPaymentForAWebsiteDeletedBehindTheCache() throws SQLException {
        TestWebsite site = website();
        record(site, payment(unique("tx"))); // the key and the website are cached now
        deleteBehindTheCache(site.id());
        as(site.key()).contentType(ContentType.JSON).body(payment(unique("tx"))).post("/api/v1/payments")
                .then().statusCode(404)
                .body("error.code", equalTo(404))
                .body("error.message", equalTo("website " + site.id() + " does not exist"));
    }

    @Test
    void shouldAnswer404ToANewKeyForAWebsiteDeletedBehindTheCache() throws SQLException {
        TestWebsite site = website();
        apiKey(site.id()); // the website is cached now
        deleteBehindTheCache(site.id());
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", "late"))
                .post("/api/v1/admin/websites/{id}/apikeys", site.id())
                .then().statusCode(404)
                .body("error.message", equalTo("website " + site.id() + " does not exist"));
    }

    private void deleteBehindTheCache(String websiteId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from website where id = ?")) {
            delete.setString(1, websiteId);
            delete.executeUpdate();
        }
    }
}
