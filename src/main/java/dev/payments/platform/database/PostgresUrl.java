package dev.payments.platform.database;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * A PostgreSQL JDBC URL of a connection beside the pool's (the direct one, a standby's): a misspelling stops start-up
 * with one sentence instead of failing the first statement that needs it (a converter, see {@link PostgresDuration}).
 */
public class PostgresUrl implements Converter<String> {

    @Override
    public String convert(String value) {
        String url = value.strip();
        if (!url.startsWith("jdbc:postgresql:") || url.length() == "jdbc:postgresql:".length()) {
            throw new IllegalArgumentException(
                    "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.com:5432/payments");
        }
        return url;
    }
}
