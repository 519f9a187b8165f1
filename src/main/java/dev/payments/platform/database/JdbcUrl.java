package dev.payments.platform.database;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * The datasource URL, whose absence or misspelling stops start-up with one sentence instead of a failure deep inside
 * the persistence layer (a converter, see {@link PostgresDuration} on why).
 */
public class JdbcUrl implements Converter<String> {

    /** What {@link DatabaseConfig#jdbcUrl()} reads when QUARKUS_DATASOURCE_JDBC_URL is not set. */
    static final String UNSET = "unset";
    private static final String EXAMPLE = "jdbc:postgresql://db.example.com:5432/payments";

    @Override
    public String convert(String value) {
        String url = value.strip();
        if (url.equals(UNSET)) {
            throw new IllegalArgumentException(
                    "QUARKUS_DATASOURCE_JDBC_URL is not set: set it to the PostgreSQL JDBC URL, e.g. " + EXAMPLE);
        }
        if (!url.startsWith("jdbc:") || url.length() == "jdbc:".length()) {
            throw new IllegalArgumentException(
                    "QUARKUS_DATASOURCE_JDBC_URL must be a JDBC URL such as " + EXAMPLE);
        }
        return url;
    }
}
