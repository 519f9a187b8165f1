package dev.payments.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "payments.database")
public interface DatabaseConfig {

    /**
     * The datasource URL, read here only so that its absence stops start-up with one sentence (checked before
     * anything starts) instead of a failure deep inside the persistence layer.
     */
    @WithDefault("${quarkus.datasource.jdbc.url:" + JdbcUrl.UNSET + "}")
    @WithConverter(JdbcUrl.class)
    String jdbcUrl();

    /**
     * PAYMENTS_DATABASE_STATEMENT_TIMEOUT: the longest a statement may run (PostgreSQL's syntax: 10s, 500ms); passed
     * to every connection by application.properties. A request whose statement is cancelled gets a 503.
     */
    @WithConverter(PostgresDuration.class)
    String statementTimeout();

    /** PAYMENTS_DATABASE_IDLE_IN_TRANSACTION_TIMEOUT: the longest a connection may sit idle inside a transaction. */
    @WithConverter(PostgresDuration.class)
    String idleInTransactionTimeout();

    /**
     * PAYMENTS_DATABASE_DIRECT_JDBC_URL: where the connections that need a session of their own go (listening for
     * cache invalidations, holding a job's lock), when QUARKUS_DATASOURCE_JDBC_URL points at a pooler in transaction
     * mode (PgBouncer); by default the datasource's URL.
     */
    @WithConverter(PostgresUrl.class)
    Optional<String> directJdbcUrl();

    /**
     * PAYMENTS_DATABASE_REPORTS_JDBC_URL: where revenue reports, CSV exports and payment lists read, when set: a
     * standby's URL ({@link ReportConnections}). They then see the standby's replay of the primary, which may lag.
     */
    @WithConverter(PostgresUrl.class)
    Optional<String> reportsJdbcUrl();

    /** How often start-up retries to reach the database and prepare the schema while it cannot. */
    @WithDefault("5s")
    String retryInterval();
}
