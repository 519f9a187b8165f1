package dev.payments.platform.database;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (the jar, or the native executable) with a standby's URL set: a revenue report reads
 * through it. The "standby" is the test database opened read-only under an application name of its own, which
 * PostgreSQL shows for the connections the report opened there.
 */
@QuarkusIntegrationTest
@TestProfile(ReportConnectionsIT.NamedStandby.class)
class ReportConnectionsIT {

    private static final String STANDBY_NAME = "payments-api-reports-it";

    public static class NamedStandby implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.database.reports-jdbc-url", "${quarkus.datasource.jdbc.url}&readOnly=true"
                    + "&readOnlyMode=always&ApplicationName=" + STANDBY_NAME);
        }
    }

    @Test
    void shouldReportRevenueThroughTheStandbyUrl() throws Exception {
        TestWebsite site = website();
        record(site, payment(unique("standby"), "amount", new BigDecimal("12.50")));
        as(site.key()).get("/api/v1/revenue").then().statusCode(200)
                .body("data[0].totals.new", equalTo(new BigDecimal("12.5")));
        assertTrue(standbySessions() > 0, "no connection of the application is named " + STANDBY_NAME);
    }

    /** The pool keeps the report's connection for a while (idle removal after 2 minutes). */
    private static int standbySessions() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from pg_stat_activity where application_name = ?")) {
            count.setString(1, STANDBY_NAME);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
