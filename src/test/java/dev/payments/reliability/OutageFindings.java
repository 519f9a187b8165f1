package dev.payments.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.reliability.PaymentLoad.Attempt;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run with a database outage showed ({@code test} names it): the attempts made under load (the database out of
 * reach from {@code downAt} to {@code backAt}, System.nanoTime(): back when it accepts writes again), the retries of the failed ones after recovery, and
 * how often each transaction id is stored.
 */
record OutageFindings(String test, List<Attempt> attempts, List<Attempt> retries, Map<String, Integer> stored,
        long downAt, long backAt, boolean readinessDownAndUp) {

    static final String RECORDED = "Payment recorded";
    static final String DUPLICATE = "Payment already recorded; duplicate skipped";

    List<String> acknowledged() {
        return attempts.stream().filter(a -> a.status() == 200).map(Attempt::transactionId).toList();
    }

    List<Attempt> failed() {
        return attempts.stream().filter(a -> a.status() != 200).toList();
    }

    /** Acknowledged (200), yet not stored. */
    List<String> lost() {
        return acknowledged().stream().filter(tx -> !stored.containsKey(tx)).toList();
    }

    List<String> duplicated() {
        return stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** Failures that are not a 503 in the contract's error shape with a Retry-After, including no answer at all. */
    List<Attempt> notServiceUnavailable() {
        return failed().stream().filter(a -> !isServiceUnavailable(a)).toList();
    }

    Attempt slowest() {
        return attempts.stream().max(Comparator.comparingLong(Attempt::millis)).orElseThrow();
    }

    /** The slowest of the attempts under way at some point while the database was out of reach. */
    long slowestOutageMillis() {
        return attempts.stream().filter(a -> a.endNanos() >= downAt && a.startNanos() <= backAt)
                .mapToLong(Attempt::millis).max().orElse(0);
    }

    /** From the database's return to the end of the first 200 of a request sent after it; empty if none came. */
    Optional<Duration> recovery() {
        return attempts.stream().filter(a -> a.status() == 200 && a.startNanos() >= backAt)
                .mapToLong(Attempt::endNanos).min()
                .stream().mapToObj(end -> Duration.ofNanos(end - backAt)).findFirst();
    }

    /** Retries that did not answer 200 "recorded" or "duplicate skipped". */
    List<Attempt> retriesRefused() {
        return retries.stream().filter(r -> message(r).filter(m -> m.equals(RECORDED) || m.equals(DUPLICATE))
                .isEmpty()).toList();
    }

    /** Failed attempts whose transaction was committed nonetheless (their retry was a duplicate). */
    long committedDespiteFailure() {
        return retries.stream().filter(r -> message(r).filter(DUPLICATE::equals).isPresent()).count();
    }

    /** Transactions attempted at all (acknowledged or retried) that are not stored exactly once. */
    List<String> notStoredOnce() {
        return attempts.stream().map(Attempt::transactionId)
                .filter(tx -> !Objects.equals(stored.get(tx), 1)).toList();
    }

    /**
     * Writes the summary (with {@code setting} appended) to the console and the report, then checks what every
     * outage must leave true: payments acknowledged and some failed, nothing acknowledged lost or doubled, every
     * failure a contract 503, none slower than {@code responseBound}, readiness DOWN then UP, a write answered within
     * {@code recoveryBound} of the database's return, and every failed payment stored exactly once once retried.
     */
    void report(String setting, Path report, Duration responseBound, Duration recoveryBound) throws IOException {
        write(setting, report);
        assertAll(
                () -> assertTrue(acknowledged().size() > 0, "no payment was acknowledged"),
                () -> assertTrue(failed().size() > 0, "no request failed: the outage went unnoticed"),
                () -> assertNone(lost(), "acknowledged with a 200, yet not stored"),
                () -> assertNone(duplicated(), "stored more than once"),
                () -> assertNone(notServiceUnavailable(),
                        "failures other than a 503 in the error shape with Retry-After, or no answer at all"),
                () -> assertTrue(slowest().millis() <= responseBound.toMillis(),
                        "slower than " + responseBound.toSeconds() + " s: " + slowest()),
                () -> assertTrue(readinessDownAndUp, "readiness did not go DOWN and UP again"),
                () -> assertRecovered(recoveryBound),
                () -> assertNone(retriesRefused(), "retries after recovery not answered 200"),
                () -> assertNone(notStoredOnce(), "attempted, yet not stored exactly once"));
    }

    /** Writes the summary (with {@code setting} appended) to the console and the report. */
    void write(String setting, Path report) throws IOException {
        String text = summary() + "  " + setting + "\n";
        System.out.print(text);
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
    }

    void assertRecovered(Duration recoveryBound) {
        assertTrue(recovery().filter(d -> d.compareTo(recoveryBound) <= 0).isPresent(),
                "no write succeeded within " + recoveryBound.toSeconds() + " s of the database's return");
    }

    /** Fails when there are any, naming how many and the first few: a whole run's list would flood the output. */
    private static void assertNone(List<?> found, String what) {
        assertTrue(found.isEmpty(), () -> what + ": " + found.size() + ", the first "
                + found.subList(0, Math.min(5, found.size())));
    }

    String summary() {
        String recovery = recovery().map(d -> String.format("%.2fs", d.toMillis() / 1000.0)).orElse("none");
        return String.format("""
                %s: acked=%d, failed(503)=%d, lost=%d, duplicated=%d, recovery=%s, slowest outage response=%dms, \
                readiness DOWN→UP %s
                  database out of reach for %.1fs; slowest response overall %dms; other failures (not a contract 503, or no \
                answer)=%d
                  retried the %d failed once after recovery: %d recorded now, %d had been committed despite the 503 \
                (duplicate skipped), %d refused; not stored exactly once afterwards=%d
                """, test, acknowledged().size(), failed().size() - notServiceUnavailable().size(), lost().size(),
                duplicated().size(), recovery, slowestOutageMillis(), readinessDownAndUp ? "seen" : "NOT seen",
                (backAt - downAt) / 1e9, slowest().millis(), notServiceUnavailable().size(),
                retries.size(), retries.size() - committedDespiteFailure() - retriesRefused().size(),
                committedDespiteFailure(), retriesRefused().size(), notStoredOnce().size());
    }

    private static boolean isServiceUnavailable(Attempt attempt) {
        if (attempt.status() != 503 || attempt.retryAfter() == null) {
            return false;
        }
        try {
            JsonPath body = JsonPath.from(attempt.body());
            String message = body.getString("error.message");
            return "error".equals(body.getString("status")) && body.getInt("error.code") == 503
                    && message != null && !message.isBlank();
        } catch (RuntimeException e) {
            return false; // not JSON
        }
    }

    private static Optional<String> message(Attempt attempt) {
        if (attempt.status() != 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(JsonPath.from(attempt.body()).getString("message"));
    }
}
