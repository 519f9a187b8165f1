package dev.payments.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.reliability.PaymentLoad.Attempt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The requests that {@link SilentDatabaseIT} puts, every run, in the states a silence can catch a request in, beside
 * its steady load: {@code held}, whose insert the relay was holding when it went silent (sent, never answered);
 * {@code firstOfToken}, the first requests of dft_ tokens not yet cached, sent at once while silent: each looks its
 * token up on its own virtual thread, more of them than the pool has connections, so the pool has to open some
 * through the silent relay ({@code openedWhileSilent} counts those); and {@code withoutDatabase}, requests to the
 * same route that need no database (no token: 401), sent every second while silent: virtual threads keep running.
 * In a CI run before PooledConnections, virtual threads asking the pool while it grew held both carriers and the
 * 503s came 25 s late; whether a run had such requests just then was chance.
 */
record SilenceStates(Attempt held, List<Attempt> firstOfToken, int openedWhileSilent, List<Attempt> withoutDatabase) {

    String summary() {
        return String.format("""
                  by state: insert held by the relay as it went silent: %s in %dms; first requests of %d uncached \
                tokens sent while silent: statuses %s, slowest %dms; connections opened through the silent relay: %d; \
                %d requests needing no database sent while silent: statuses %s, slowest %dms
                """, held.status(), held.millis(), firstOfToken.size(), statuses(firstOfToken), slowest(firstOfToken),
                openedWhileSilent, withoutDatabase.size(), statuses(withoutDatabase), slowest(withoutDatabase));
    }

    /**
     * Adds the summary to the report and the console, then checks that each state was answered within the bound, and
     * the requests needing no database with their 401 within {@code unblocked}.
     */
    void check(Path report, Duration bound, Duration unblocked) throws IOException {
        System.out.print(summary());
        Files.writeString(report, summary(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertAll(
                () -> assertTrue(held.status() != 0 && held.millis() <= bound.toMillis(),
                        "the request whose insert was in flight not answered within " + bound.toSeconds() + " s: "
                                + held),
                () -> assertFalse(firstOfToken.isEmpty(), "no request of an uncached token"),
                () -> assertTrue(firstOfToken.stream().allMatch(a -> a.status() != 0 && a.millis() <= bound.toMillis()),
                        "first requests of uncached tokens not answered within " + bound.toSeconds() + " s: "
                                + firstOfToken.stream().filter(a -> a.status() == 0 || a.millis() > bound.toMillis())
                                .map(a -> a.status() + " in " + a.millis() + "ms").toList()),
                () -> assertTrue(openedWhileSilent > 0, "the pool opened no connection while the relay was silent"),
                () -> assertFalse(withoutDatabase.isEmpty(), "no request needing no database"),
                () -> assertTrue(withoutDatabase.stream().allMatch(a -> a.status() == 401
                        && a.millis() <= unblocked.toMillis()), "requests needing no database not answered 401 within "
                        + unblocked.toSeconds() + " s: " + withoutDatabase.stream().filter(a -> a.status() != 401
                        || a.millis() > unblocked.toMillis()).map(a -> a.status() + " in " + a.millis() + "ms")
                        .toList()));
    }

    private static List<Integer> statuses(List<Attempt> attempts) {
        return attempts.stream().map(Attempt::status).distinct().sorted().toList();
    }

    private static long slowest(List<Attempt> attempts) {
        return attempts.stream().mapToLong(Attempt::millis).max().orElse(0);
    }
}
