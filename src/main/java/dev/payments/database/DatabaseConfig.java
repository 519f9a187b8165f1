package dev.payments.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

@ConfigMapping(prefix = "payments.database")
public interface DatabaseConfig {

    /**
     * The datasource URL, read here only so that its absence stops start-up with one sentence (validated before
     * anything starts) instead of a failure deep inside the persistence layer.
     */
    @WithDefault("${quarkus.datasource.jdbc.url:unset}")
    @Pattern(regexp = "jdbc:.+", message = "QUARKUS_DATASOURCE_JDBC_URL is not set: set it to the PostgreSQL JDBC URL, "
            + "e.g. jdbc:postgresql://db.example.com:5432/payments")
    String jdbcUrl();

    /** How often start-up retries to reach the database and prepare the schema while it cannot. */
    @WithDefault("5s")
    String retryInterval();
}
