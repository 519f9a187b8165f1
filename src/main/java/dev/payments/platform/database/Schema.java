package dev.payments.platform.database;

import dev.payments.platform.errors.DatabaseFailures;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Migrates the schema (Flyway) before anything else uses the database. A database that cannot be reached yet does
 * not stop start-up: the service runs, reports not ready, and tries again until it can. Any other failure (a migration
 * that does not apply, or was changed after it was applied) stops it. That the entities match the migrated schema is
 * checked by the tests (SchemaMappingTest), not at every start: it costs each cold start a round of metadata queries.
 */
@ApplicationScoped
public class Schema {

    private static final Logger LOG = Logger.getLogger(Schema.class);

    @Inject
    Flyway flyway;

    @Inject
    PooledConnections pool;

    @Inject
    Event<SchemaReady> readyEvent;

    @Inject
    DatabaseConfig config;

    private volatile boolean ready;
    private boolean waitingLogged;

    public boolean isReady() {
        return ready;
    }

    void onStart(@Observes StartupEvent event) {
        prepare();
    }

    @Scheduled(every = "${payments.database.retry-interval}", delayed = "${payments.database.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        try {
            prepare();
        } catch (RuntimeException e) {
            LOG.errorf("Stopping: the database schema cannot be prepared: %s", e.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    private synchronized void prepare() {
        if (ready) {
            return;
        }
        try {
            flyway.migrate();
            // Flyway's init-sql lifted the statement timeout on the connections it used: none of them serves a request
            pool.flushGracefully();
            readyEvent.fire(new SchemaReady()); // its observers are idempotent: they may run again after a failure
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            if (!waitingLogged) {
                LOG.warnf("The database is not reachable yet (%s): not ready; retrying every %s",
                        DatabaseFailures.rootMessage(e), config.retryInterval());
                waitingLogged = true;
            }
            return;
        }
        ready = true;
        LOG.info("The database schema is up to date: ready");
    }
}
