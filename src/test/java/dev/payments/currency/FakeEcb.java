package dev.payments.currency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.payments.support.TcpGate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ECB's site on the loopback: {@value #HISTORY} is a full history after the bundled one (every working day from
 * {@link #FIRST_DAY} to today, 1 EUR = {@value #USD} USD = {@value #GBP} GBP), answered 503 while the history is held
 * back; {@value #TOO_LARGE} sends more than any cap in the tests; {@value #STALLED} sends the start of a file, then
 * nothing until the server stops. Counts the requests for each path.
 */
final class FakeEcb implements AutoCloseable {

    static final String HISTORY = "/eurofxref-hist.xml";
    static final String TOO_LARGE = "/too-large.xml";
    static final String STALLED = "/stalled.xml";
    static final LocalDate FIRST_DAY = LocalDate.parse("2023-02-22");
    static final String USD = "1.1";
    static final String GBP = "0.85";
    private static final int TOO_LARGE_BYTES = 4 << 20;
    private static final String START = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
                             xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <Cube>
            """;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-ecb");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean heldBack;

    private FakeEcb(int port, boolean heldBack) {
        this.heldBack = heldBack;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serving the history; port 0: any free one. */
    static FakeEcb serving(int port) {
        return new FakeEcb(port, false);
    }

    /** Answering 503 for the history until {@link #release} is called. */
    static FakeEcb holdingBack(int port) {
        return new FakeEcb(port, true);
    }

    /**
     * The configuration of a service that reads its full history here, and tries again soon after a failure (the
     * service may start before this server does).
     */
    static Map<String, String> historyAt(int port) {
        return Map.of("payments.rates.history.source", "http://127.0.0.1:" + port + HISTORY,
                "payments.rates.history.timeout", "30s",
                "payments.rates.history.retry-interval", "1s",
                "payments.rates.history.max-retry-interval", "2s",
                "payments.rates.retry-interval", "1s");
    }

    /** A free port kept in a system property: the same for a test profile and its test, loaded apart. */
    static int port(String property) {
        return Integer.parseInt(System.getProperties()
                .computeIfAbsent(property, key -> String.valueOf(TcpGate.freePort())).toString());
    }

    void release() {
        heldBack = false;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests(String path) {
        return requests.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            switch (path) {
                case HISTORY -> history(exchange);
                case TOO_LARGE -> tooLarge(exchange);
                case STALLED -> stall(exchange);
                default -> exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // the client gave up: what these paths are for
        }
    }

    private void history(HttpExchange exchange) throws IOException {
        if (heldBack) {
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        StringBuilder xml = new StringBuilder(START);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day = today; !day.isBefore(FIRST_DAY); day = day.minusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                xml.append("    <Cube time=\"").append(day).append("\"><Cube currency=\"USD\" rate=\"").append(USD)
                        .append("\"/><Cube currency=\"GBP\" rate=\"").append(GBP).append("\"/></Cube>\n");
            }
        }
        byte[] body = xml.append("  </Cube>\n</gesmes:Envelope>\n").toString().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Chunked, without a length: the cap is found out while reading. */
    private static void tooLarge(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(START.getBytes(StandardCharsets.UTF_8));
        byte[] comment = ("<!--" + "x".repeat(8187) + "-->").getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < TOO_LARGE_BYTES; sent += comment.length) {
            body.write(comment);
        }
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(START.getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        try {
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
