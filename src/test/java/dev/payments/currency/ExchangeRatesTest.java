package dev.payments.currency;

import static dev.payments.currency.ReportingCurrencyTest.assertReported;
import static dev.payments.currency.ReportingCurrencyTest.stored;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loading rates (in-process: a fixture file instead of the network) and failing soft when a source is unreachable. */
@QuarkusTest
class ExchangeRatesTest {

    private static final LocalDate FRIDAY = LocalDate.parse("2023-02-17");

    @Inject
    ExchangeRates rates;

    @BeforeEach
    void bundledHistoryLoaded() {
        Eventually.within(Duration.ofSeconds(60), () -> friday().isPresent());
    }

    @Test
    void shouldConvertPendingPaymentsWhenTheirRatesArrive() {
        TestWebsite site = website("EUR");
        String tx = unique("tx");
        record(site, payment(tx, "amount", "100", "currency", "USD", "timestamp", "2025-03-03T09:00:00Z"));
        assertNull(stored(site, tx).get("data[0].reporting_amount"));

        rates.refreshFrom(List.of(fixture("rates/fixture-2025-03-03.xml")));
        // 100 / 1.05 = 95.238... -> 95.24
        assertReported(site, tx, "95.24", "EUR");
    }

    @Test
    void shouldKeepItsRatesWhenASourceCannotBeRead() {
        try (LogCapture log = LogCapture.of(ExchangeRates.class.getName())) {
            rates.refreshFrom(List.of("http://127.0.0.1:1/eurofxref-daily.xml", "file:///nonexistent/rates.xml"));
            assertEquals(2, log.lines().stream().filter(line -> line.message().startsWith("Could not refresh")).count(),
                    log.lines().toString());
        }
        assertEquals(new BigDecimal("94.12"), friday().orElseThrow().amount());
    }

    @Test
    @Timeout(30) // the %test read timeout is 2 s: without it, the refresh would wait for the rest of the body forever
    void shouldGiveUpOnASourceThatStopsSendingItsBody() throws Exception {
        try (ServerSocket source = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LogCapture log = LogCapture.of(ExchangeRates.class.getName())) {
            Thread stalling = new Thread(() -> {
                try (Socket client = source.accept()) {
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                            + "Content-Length: 100000\r\n\r\n<?xml version=\"1.0\"?>").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    Thread.sleep(60_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            stalling.setDaemon(true);
            stalling.start();
            rates.refreshFrom(List.of("http://127.0.0.1:" + source.getLocalPort() + "/eurofxref-daily.xml"));
            assertTrue(log.lines().stream().anyMatch(line -> line.message().startsWith("Could not refresh")
                    && line.message().contains("did not send its rates within")), log.lines().toString());
            stalling.interrupt();
        }
    }

    @Test
    void shouldLoadRatesFromAFileSource() {
        rates.refreshFrom(List.of(fixture("rates/fixture-2025-03-04.xml")));
        assertTrue(rates.convert(BigDecimal.TEN, "EUR", "GBP", LocalDate.parse("2025-03-04")).isPresent());
    }

    private Optional<Conversion> friday() {
        return rates.convert(new BigDecimal("100"), "USD", "EUR", FRIDAY);
    }

    /** A file: URL of a test resource, as an operator would list a file in PAYMENTS_RATES_SOURCES. */
    private static String fixture(String resource) {
        return ExchangeRatesTest.class.getClassLoader().getResource(resource).toString();
    }
}
