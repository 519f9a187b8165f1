package dev.payments.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The database settings that stop start-up with one sentence when they are missing or malformed. */
class DatabaseSettingsTest {

    private final JdbcUrl jdbcUrl = new JdbcUrl();
    private final PostgresUrl postgresUrl = new PostgresUrl();
    private final PostgresDuration duration = new PostgresDuration();

    @Test
    void shouldSayThatTheJdbcUrlIsNotSet() {
        var refused = assertThrows(IllegalArgumentException.class, () -> jdbcUrl.convert(JdbcUrl.UNSET));
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL is not set: set it to the PostgreSQL JDBC URL, "
                + "e.g. jdbc:postgresql://db.example.com:5432/payments", refused.getMessage());
    }

    @Test
    void shouldRefuseAUrlThatIsNotJdbc() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> jdbcUrl.convert("postgres://db.example.com:5432/payments"));
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL must be a JDBC URL such as "
                + "jdbc:postgresql://db.example.com:5432/payments", refused.getMessage());
    }

    @Test
    void shouldRefuseABareJdbcPrefix() {
        assertThrows(IllegalArgumentException.class, () -> jdbcUrl.convert("jdbc:"));
    }

    @Test
    void shouldKeepAJdbcUrl() {
        assertEquals("jdbc:postgresql://db:5432/payments", jdbcUrl.convert(" jdbc:postgresql://db:5432/payments"));
    }

    @Test
    void shouldRefuseAStandbyUrlOfAnotherDatabase() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> postgresUrl.convert("jdbc:mysql://standby:3306/payments"));
        assertEquals("must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.com:5432/payments",
                refused.getMessage());
    }

    @Test
    void shouldKeepAMultiHostStandbyUrl() {
        String url = "jdbc:postgresql://standby:5432,primary:5432/payments?targetServerType=preferSecondary";
        assertEquals(url, postgresUrl.convert(url + " "));
    }

    @Test
    void shouldKeepPostgresDurations() {
        assertEquals("500ms", duration.convert("500ms"));
        assertEquals("10s", duration.convert("10s"));
        assertEquals("2min", duration.convert("2min"));
    }

    @Test
    void shouldRefuseADurationWithoutAUnit() {
        var refused = assertThrows(IllegalArgumentException.class, () -> duration.convert("10"));
        assertEquals("must be a PostgreSQL duration such as 10s, 500ms or 2min", refused.getMessage());
    }

    @Test
    void shouldRefuseADurationThatWouldChangeTheSessionOptions() {
        assertThrows(IllegalArgumentException.class, () -> duration.convert("10s -c work_mem=1GB"));
        assertThrows(IllegalArgumentException.class, () -> duration.convert(" 10s"));
        assertThrows(IllegalArgumentException.class, () -> duration.convert("0s"));
    }
}
