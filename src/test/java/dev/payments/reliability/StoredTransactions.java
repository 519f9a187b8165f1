package dev.payments.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** Read straight from the database, not through the service: how often each transaction id of a website is stored. */
final class StoredTransactions {

    private StoredTransactions() {
    }

    /** The test database as configured, or the same server with another JDBC URL. */
    static Connection connect(Config config, String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static Map<String, Integer> of(Connection db, String websiteId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "select transaction_id, count(*) from payment where website_id = ? group by transaction_id")) {
            query.setString(1, websiteId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }
}
