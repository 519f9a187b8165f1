package dev.payments.platform.cache;

import dev.payments.platform.database.DirectConnections;
import dev.payments.platform.database.Jdbc;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance what changed, so that each forgets it at once: a change publishes a notification (PostgreSQL's
 * NOTIFY, delivered when its transaction commits) on {@value #CHANNEL}, and every instance, this one included, listens
 * on a connection of its own, outside the pool, which it opens again by itself when it is lost or goes silent. While an
 * instance is not listening, its caches serve nothing older than {@link #FALLBACK_TTL}; when it listens again, it
 * forgets everything cached, since notifications may have been missed meanwhile.
 *
 * <p>A notification is {@code topic:key}; the key {@value #EVERYTHING} stands for every entry of the topic.
 */
@Startup
@ApplicationScoped
public class Invalidations {

    public static final String EVERYTHING = "*";
    static final String CHANNEL = "payments_cache";
    static final Duration FALLBACK_TTL = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(Invalidations.class);
    private static final int WAIT_MILLIS = 250;
    private static final Duration PING_EVERY = Duration.ofSeconds(2);
    private static final int PING_TIMEOUT_SECONDS = 2;
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    @Inject
    Jdbc jdbc;

    @Inject
    DirectConnections connections;

    private final Map<String, List<Consumer<String>>> topics = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    /** What to do with a notification of the topic: its key, or {@value #EVERYTHING}. */
    public void subscribe(String topic, Consumer<String> onKey) {
        topics.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(onKey);
    }

    /**
     * Sent to every instance when the current transaction commits (the pool hands out the transaction's connection),
     * or at once without one.
     */
    public void publish(String topic, String key) {
        jdbc.single("select pg_notify(?, ?)", Jdbc.values(CHANNEL, topic + ":" + key), row -> true);
    }

    /** Whether this instance hears notifications now; when not, caches keep entries {@link #FALLBACK_TTL} at most. */
    public boolean listening() {
        return listening;
    }

    @PostConstruct
    void start() {
        listener = new Thread(this::listenUntilStopped, "cache-invalidations");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        listener.interrupt();
    }

    private void listenUntilStopped() {
        boolean warned = false;
        while (!stopped) {
            try (Connection connection = connections.open("cache invalidations")) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (warned) {
                    LOG.info("Listening for cache invalidations again");
                    warned = false;
                }
                topics.values().forEach(subscribers -> subscribers.forEach(forget -> forget.accept(EVERYTHING)));
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!warned && !stopped) {
                    LOG.warnf("Not listening for cache invalidations (%s): keys, tokens and websites are cached at "
                            + "most %d s until this instance listens again", e.getMessage(), FALLBACK_TTL.toSeconds());
                    warned = true;
                }
            }
            pause();
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long nextPing = System.nanoTime() + PING_EVERY.toNanos();
        while (!stopped) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    dispatch(notification.getParameter());
                }
            }
            // a silent connection delivers nothing and reports nothing: ask it
            if (System.nanoTime() > nextPing) {
                if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
                    throw new SQLException("the database did not answer within " + PING_TIMEOUT_SECONDS + " s");
                }
                nextPing = System.nanoTime() + PING_EVERY.toNanos();
            }
        }
    }

    private void dispatch(String message) {
        int colon = message.indexOf(':');
        List<Consumer<String>> subscribers = colon < 0 ? List.of()
                : topics.getOrDefault(message.substring(0, colon), List.of());
        subscribers.forEach(subscriber -> subscriber.accept(message.substring(colon + 1)));
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
