package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A read of the full history is abandoned at its bounds (the %test cap is 1 MiB, the timeout 2 s). */
@QuarkusTest
class RateHistoryBoundsTest {

    private static FakeEcb ecb;

    @Inject
    RateHistory history;

    @Inject
    ExchangeRates rates;

    @BeforeAll
    static void startEcb() {
        ecb = FakeEcb.serving(0);
    }

    @AfterAll
    static void stopEcb() {
        ecb.close();
    }

    @Test
    void shouldAbandonAHistoryLargerThanTheCap() {
        IOException failure = assertThrows(IOException.class, () -> history.fill(ecb.url(FakeEcb.TOO_LARGE)));
        assertTrue(failure.getMessage().contains("larger than the 1048576 bytes allowed"), failure.getMessage());
    }

    @Test
    @Timeout(30) // without the bound, the read would wait for the rest of the body until the server stops
    void shouldAbandonAHistoryThatStopsSendingAndKeepRefreshing() {
        IOException failure = assertThrows(IOException.class, () -> history.fill(ecb.url(FakeEcb.STALLED)));
        assertTrue(failure.getMessage().contains("did not send its rates within 2 s"), failure.getMessage());

        rates.refreshFrom(List.of(RateHistoryBoundsTest.class.getClassLoader()
                .getResource("rates/fixture-2025-03-04.xml").toString()));
        assertTrue(rates.convert(BigDecimal.TEN, "EUR", "GBP", LocalDate.parse("2025-03-04")).isPresent());
    }
}
