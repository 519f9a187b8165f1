package dev.payments.currency;

import static dev.payments.currency.ReportingCurrencyTest.stored;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A currency change made by another instance, not yet seen by this one's website cache, is still honoured. */
@QuarkusTest
class StaleReportingCurrencyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldTakeTheReportingCurrencyFromTheWebsiteNotFromAStaleCache() throws SQLException {
        TestWebsite site = website("EUR");
        record(site, payment(unique("tx"))); // this instance now caches the website as reporting in EUR
        try (Connection connection = dataSource.getConnection();
                PreparedStatement change = connection.prepareStatement("update website set currency = 'GBP' where id = ?")) {
            change.setString(1, site.id());
            change.executeUpdate();
        }
        String tx = unique("tx");
        record(site, payment(tx, "amount", "100", "currency", "USD", "timestamp", "2023-02-17T12:00:00Z"));
        JsonPath stored = stored(site, tx);
        assertEquals("GBP", stored.getString("data[0].reporting_currency"));
        // not the 94.12 EUR the stale cache would have given: pending until the next pass converts it to GBP
        assertNull(stored.get("data[0].reporting_amount"));
    }
}
