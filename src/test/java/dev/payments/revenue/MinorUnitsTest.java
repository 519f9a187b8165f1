package dev.payments.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The database's minor_units (partial refunds' shares, migration V10) says what java.util.Currency says. */
@QuarkusTest
class MinorUnitsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldGiveEveryCurrencyTheDecimalsJavaGivesIt() throws SQLException {
        Map<String, Integer> java = new TreeMap<>();
        Map<String, Integer> database = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select minor_units(?)")) {
            for (Currency currency : Currency.getAvailableCurrencies()) {
                if (currency.getDefaultFractionDigits() < 0) {
                    continue; // gold, special drawing rights and the like: no minor unit
                }
                select.setString(1, currency.getCurrencyCode());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    java.put(currency.getCurrencyCode(), currency.getDefaultFractionDigits());
                    database.put(currency.getCurrencyCode(), row.getInt(1));
                }
            }
        }
        assertEquals(java, database);
    }
}
