package dev.payments.platform.cache;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.account.credentials.Secrets;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Caches across instances, seen from one: a change commits with a notification to every instance, and a notification
 * from another instance evicts here within 2 s. In process: the test plays the other instance on the database.
 */
@QuarkusTest
class InvalidationsTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Invalidations invalidations;

    @Inject
    AfterCommit afterCommit;

    @Inject
    CacheConfig cacheConfig;

    @Test
    void shouldForgetAKeyRevokedByAnotherInstanceWithin2s() throws Exception {
        TestWebsite site = website();
        as(site.key()).get("/api/v1/payments").then().statusCode(200); // cached here now
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement revoke = other.prepareStatement("delete from website_key where key_hash = ?");
                    PreparedStatement notify = other.prepareStatement("select pg_notify('payments_cache', ?)")) {
                revoke.setString(1, Secrets.hash(site.key()));
                revoke.executeUpdate();
                notify.setString(1, "credential:" + Secrets.hash(site.key()));
                notify.execute();
            }
            other.commit();
        }
        long start = System.nanoTime();
        assertTrue(Eventually.within(BOUND.multipliedBy(5),
                () -> as(site.key()).get("/api/v1/payments").statusCode() == 401));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BOUND) <= 0, "not within " + BOUND);
    }

    @Test
    void shouldNotCacheWhatWasReadBeforeAChangeWhoseNotificationArrivedMeanwhile() throws Exception {
        LookupCache<String> cache = new LookupCache<>("race", cacheConfig, afterCommit, invalidations);
        CountDownLatch heard = new CountDownLatch(1);
        invalidations.subscribe("race", key -> heard.countDown());
        Optional<String> loaded = cache.get("k", key -> {
            // the row is read; then another instance changes it, and its notification is handled here
            try (Connection other = dataSource.getConnection();
                    Statement notify = other.createStatement()) {
                notify.execute("select pg_notify('payments_cache', 'race:k')");
                assertTrue(heard.await(10, TimeUnit.SECONDS), "the notification never arrived");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Optional.of("read before the change");
        });
        assertEquals(Optional.of("read before the change"), loaded);
        assertEquals(Optional.empty(), cache.cached("k"));
    }

    @Test
    void shouldTellEveryInstanceOfAKeyRevokedHereOnceItIsCommitted() throws Exception {
        TestWebsite site = website();
        String keyId = as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/apikeys", site.id()).then().statusCode(200)
                .extract().path("data[0].id");
        try (Connection listener = dataSource.getConnection(); Statement listen = listener.createStatement()) {
            listen.execute("listen payments_cache");
            as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}/apikeys/{key}", site.id(), keyId).then().statusCode(200);
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!received.contains("credential:" + Secrets.hash(site.key())) && System.nanoTime() < deadline) {
                PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(100);
                for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                    received.add(notification.getParameter());
                }
            }
            assertTrue(received.contains("credential:" + Secrets.hash(site.key())), received.toString());
            listen.execute("unlisten payments_cache");
        }
    }
}
