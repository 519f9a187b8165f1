package dev.payments.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A table locked against every reader (access exclusive) until closed: each request that reads it stays at its
 * statement, holding its connection, for as long as the test wants; {@link #blocked()} tells how many statements wait.
 * Requests sent meanwhile run on threads of the lock's own, so that the test thread stays free to observe.
 */
public final class TableLock implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Connection holder;
    private final int pid;
    private final ExecutorService requests = Executors.newCachedThreadPool();

    private TableLock(DataSource dataSource, String table) throws SQLException {
        this.dataSource = dataSource;
        this.holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("lock table " + table + " in access exclusive mode");
        }
        this.pid = LockWaits.backendPid(holder);
    }

    public static TableLock of(DataSource dataSource, String table) throws SQLException {
        return new TableLock(dataSource, table);
    }

    /** A request sent while the table is locked; its outcome once the lock has gone. */
    public <T> CompletableFuture<T> send(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, requests);
    }

    /** How many statements wait for the lock now. */
    public int blocked() {
        return LockWaits.blockedBy(dataSource, pid).size();
    }

    /**
     * How many of the statements that hold one of these texts wait for the lock now: the service's background jobs
     * may come to wait too.
     */
    public int blocked(String... statements) {
        return Arrays.stream(statements).mapToInt(text -> LockWaits.blockedBy(dataSource, pid, text).size()).sum();
    }

    /** Whether at least this many statements came to wait for the lock (bounded). */
    public boolean awaitBlocked(int statements) {
        return Eventually.within(PATIENCE, () -> blocked() >= statements);
    }

    @Override
    public void close() throws SQLException {
        try {
            holder.rollback();
            holder.close();
        } finally {
            requests.shutdown();
        }
    }

    /** Waits for the requests sent (bounded); they have their answers then. */
    public static <T> T outcome(CompletableFuture<T> request) throws Exception {
        return request.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
}
