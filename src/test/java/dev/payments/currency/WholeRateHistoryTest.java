package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.database.JdbcFailure;
import dev.payments.support.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Once the stored rates are whole, ECB's full history is not read again: a fake ECB counts the reads. */
@QuarkusTest
@TestProfile(WholeRateHistoryTest.HistoryServed.class)
class WholeRateHistoryTest {

    private static FakeEcb ecb;

    @Inject
    RateHistory history;

    public static class HistoryServed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return FakeEcb.historyAt(port());
        }
    }

    /** One port per JVM: Quarkus loads the profile and the test class in different class loaders. */
    private static int port() {
        return FakeEcb.port("fake-ecb.served.port");
    }

    @BeforeAll
    static void startEcb() {
        ecb = FakeEcb.serving(port());
    }

    @AfterAll
    static void stopEcb() {
        ecb.close();
    }

    @Test
    void shouldNotReadTheFullHistoryAgainOnceTheStoredRatesAreWhole() {
        assertTrue(Eventually.within(Duration.ofSeconds(60), this::whole));

        history.keepWhole();

        assertEquals(1, ecb.requests(FakeEcb.HISTORY));
    }

    private boolean whole() {
        try {
            return !history.missesDays();
        } catch (JdbcFailure e) {
            return false;
        }
    }
}
