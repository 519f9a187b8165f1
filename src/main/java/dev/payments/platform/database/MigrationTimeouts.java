package dev.payments.platform.database;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Migrations may take longer than requests: the connection a migration runs on waits up to {@link #READ_TIMEOUT} for
 * the database instead of the pool's read timeout (its statement timeout is lifted by quarkus.flyway.init-sql). Schema
 * closes the connections Flyway used once it is done, so no request gets these limits.
 */
@Singleton
public class MigrationTimeouts implements FlywayConfigurationCustomizer {

    static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        configuration.callbacks(new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    context.getConnection().setNetworkTimeout(Runnable::run, (int) READ_TIMEOUT.toMillis());
                } catch (SQLException e) {
                    throw new FlywayException("could not lift the read timeout for the migration", e);
                }
            }

            @Override
            public String getCallbackName() {
                return "migration-read-timeout";
            }
        });
    }
}
