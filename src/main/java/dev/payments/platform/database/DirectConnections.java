package dev.payments.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections of their own to the service's database, outside the pool: for what keeps one open (listening for
 * notifications) or must never hand its session back to the pool (a job's advisory lock). Every wait on them is
 * bounded like the pool's. They need a real session: behind a pooler in transaction mode they go straight to
 * PostgreSQL ({@link DatabaseConfig#directJdbcUrl()}).
 */
@ApplicationScoped
public class DirectConnections {

    @Inject
    DatabaseConfig config;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** {@code purpose} names the connection in pg_stat_activity. */
    public Connection open(String purpose) throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("socketTimeout", "12");
        properties.setProperty("tcpKeepAlive", "true");
        // and the server's side: a vanished instance's session (and any job lock it holds) ends within a minute
        properties.setProperty("options", "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 "
                + "-c tcp_keepalives_count=3");
        properties.setProperty("ApplicationName", "payments-api " + purpose);
        String url = config.directJdbcUrl().orElse(config.jdbcUrl());
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }
}
