package dev.payments.platform.database;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool, for code that may run on a virtual thread (the create routes: their authentication, rate limit, merges).
 * Agroal (3.2.1, agroal/agroal#214) lets a thread that finds the pool growing, with every creation permit taken, loop
 * until a connection is there, without waiting. On a virtual thread that loop holds a carrier; two such threads hold
 * both, and then no virtual thread runs: not the ones that would give connections back, not one holding a lock an event
 * loop waits for (the log handler's: the request deadline's 503 came 10 s late when the database went silent). So a
 * virtual thread asks on a platform thread of this pool's own and parks until it has its connection; any other thread
 * asks the pool itself, as before. There are no more of those threads than the pool has connections (more could only
 * wait in the pool as well); further virtual threads' asks queue for them in turn. A connection asked for that way is
 * not enlisted in a JTA transaction of the virtual thread: none of the create routes opens one (their merges commit
 * on the connection itself).
 */
@ApplicationScoped
@Typed(PooledConnections.class) // the DataSource to inject by type stays the pool itself
public class PooledConnections implements DataSource {

    /** Past the pool's acquisition timeout: opening a connection (connect and login timeouts) can hold the loop. */
    private static final Duration BEYOND_ACQUISITION = Duration.ofSeconds(10);

    private final AgroalDataSource pool;
    private final ThreadPoolExecutor askers;
    private final long waitNanos;

    PooledConnections(AgroalDataSource pool) {
        this.pool = pool;
        AgroalConnectionPoolConfiguration config = pool.getConfiguration().connectionPoolConfiguration();
        this.waitNanos = config.acquisitionTimeout().plus(BEYOND_ACQUISITION).toNanos();
        int size = Math.max(1, config.maxSize());
        this.askers = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("connection-asker-", 0).factory());
        askers.allowCoreThreadTimeOut(true);
    }

    /** Closes the idle connections, and each busy one once it is given back: new ones get the settings of now. */
    void flushGracefully() {
        pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }

    @PreDestroy
    void stop() {
        askers.shutdownNow();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!Thread.currentThread().isVirtual()) {
            return pool.getConnection();
        }
        CompletableFuture<Connection> lent = new CompletableFuture<>();
        askers.execute(() -> {
            if (lent.isDone()) {
                return; // its virtual thread has given up while this waited in the queue
            }
            try {
                Connection connection = pool.getConnection();
                if (!lent.complete(connection)) {
                    connection.close(); // its virtual thread has given up
                }
            } catch (SQLException | RuntimeException e) {
                lent.completeExceptionally(e);
            }
        });
        return await(lent);
    }

    private Connection await(CompletableFuture<Connection> lent) throws SQLException {
        try {
            return lent.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (lent.completeExceptionally(e)) {
                throw new SQLTransientConnectionException("no connection from the pool in time", e);
            }
            return await(lent); // lent (or failed) just as the wait ended: that outcome, at once
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections have one user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
