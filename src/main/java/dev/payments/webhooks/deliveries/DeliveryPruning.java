package dev.payments.webhooks.deliveries;

import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.JobLocks;
import dev.payments.platform.database.SqlParameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Forgets deliveries and deleted transactions older than the retention, and deliveries beyond the newest
 * {@link DeliveryConfig#deliveriesKept()} of each website and provider: by one instance at a time (the job lock), in
 * chunks, each statement autocommitted on a pooled connection and so bounded by the statement timeout.
 */
@ApplicationScoped
class DeliveryPruning {

    private static final Logger LOG = Logger.getLogger(DeliveryPruning.class);
    private static final int CHUNK = 1_000;
    private static final String OLD_DELIVERIES = """
            delete from webhook_delivery where id in
            (select id from webhook_delivery where received_at < ? limit ?)""";
    private static final String OLD_TOMBSTONES = """
            delete from deleted_transaction where (website_id, transaction_id) in
            (select website_id, transaction_id from deleted_transaction where deleted_at < ? limit ?)""";
    private static final String CROWDED = """
            select website_id, provider from webhook_delivery group by website_id, provider having count(*) > ?""";
    private static final String BEYOND_KEPT = """
            delete from webhook_delivery where id in
            (select id from webhook_delivery where website_id = ? and provider = ?
             order by received_at desc, id desc offset ? limit ?)""";

    @Inject
    JobLocks jobLocks;

    @Inject
    Jdbc jdbc;

    @Inject
    DeliveryConfig config;

    @Scheduled(every = "${payments.webhooks.prune-interval}", delayed = "${payments.webhooks.prune-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try (JobLocks.Attempt job = jobLocks.attempt(JobLocks.Job.WEBHOOK_PRUNING)) {
            if (job.acquired()) {
                long removed = prune(Instant.now());
                if (removed > 0) {
                    LOG.infof("Removed %d webhook deliveries and deleted transactions past their time", removed);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Pruning webhook deliveries stopped (%s); the next run continues", e.getMessage());
        }
    }

    /** How many rows went. */
    long prune(Instant now) {
        Instant cutoff = now.minus(config.retention());
        return jdbc.onConnection(connection -> {
            long removed = inChunks(connection, OLD_DELIVERIES, cutoff) + inChunks(connection, OLD_TOMBSTONES, cutoff);
            for (List<Object> group : crowded(connection)) {
                removed += inChunks(connection, BEYOND_KEPT, group.get(0), group.get(1), config.deliveriesKept());
            }
            return removed;
        });
    }

    /** Runs the delete, whose last parameter is the chunk's size, until it deletes less than a chunk. */
    private static long inChunks(Connection connection, String delete, Object... values) throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(values));
        parameters.add(CHUNK);
        long removed = 0;
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            SqlParameters.bind(statement, parameters);
            int chunk;
            do {
                chunk = statement.executeUpdate();
                removed += chunk;
            } while (chunk == CHUNK);
        }
        return removed;
    }

    /** The websites and providers with more deliveries than are kept. */
    private List<List<Object>> crowded(Connection connection) throws SQLException {
        List<List<Object>> groups = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CROWDED)) {
            statement.setLong(1, config.deliveriesKept());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    groups.add(List.of(row.getString(1), row.getString(2)));
                }
            }
        }
        return groups;
    }
}
