package dev.payments.reliability;

import dev.payments.reliability.PaymentLoad.Attempt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What happened when, in an outage test, kept for whoever has to tell a service that stalls from a database that is
 * slow: the test's own moments (the crash, the first connection, the first write PostgreSQL accepted), the requests
 * of every second by answer, and each failed request with its cause, as the service's log gives it for the request's
 * id. Times are seconds from the start of the load.
 */
final class OutageTimeline {

    private record Moment(long atNanos, String what) {
    }

    private static final Pattern JSON_LINE = Pattern.compile(
            "\"level\":\"(\\w+)\",\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final long origin;
    private final List<Moment> moments = new ArrayList<>();

    OutageTimeline(long originNanos) {
        this.origin = originNanos;
    }

    synchronized void mark(long atNanos, String what) {
        moments.add(new Moment(atNanos, what));
    }

    /** A moment of now, with what the machine is doing. */
    void markNow(String what) {
        mark(System.nanoTime(), what + "  [" + MachineState.now() + "]");
    }

    /** The test's own write, with how long it took and what the database and the machine were doing. */
    void markCommit(WriteProbe.Commit commit, String when) {
        mark(commit.atNanos(), "the test's own write committed in " + commit.took().toMillis() + " ms (" + when
                + "); " + commit.connections() + "  [" + MachineState.now() + "]");
    }

    /** Writes the timeline; {@code applicationLog} is the service's log (read for each failure's cause), if any. */
    synchronized void write(Path file, List<Attempt> attempts, Path applicationLog) throws IOException {
        List<String> log = Files.exists(applicationLog) ? Files.readAllLines(applicationLog) : List.of();
        StringBuilder text = new StringBuilder("moments (s from the start of the load)\n");
        moments.stream().sorted(Comparator.comparingLong(Moment::atNanos))
                .forEach(m -> text.append(String.format("  %s  %s%n", at(m.atNanos()), m.what())));
        text.append("answers by the second their request started (0: no answer)\n");
        perSecond(attempts).forEach((second, answers) -> text.append(String.format("  +%ds  %s%n", second, answers)));
        text.append("each failed request: started, took, status, request id, cause (the service's log line)\n");
        attempts.stream().filter(a -> a.status() != 200).sorted(Comparator.comparingLong(Attempt::startNanos))
                .forEach(a -> text.append(String.format("  %s  %5d ms  %d  %s  %s%n", at(a.startNanos()), a.millis(),
                        a.status(), a.requestId(), cause(a, log))));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Map<Long, String> perSecond(List<Attempt> attempts) {
        Map<Long, List<Attempt>> bySecond = attempts.stream().collect(Collectors.groupingBy(
                a -> (a.startNanos() - origin) / 1_000_000_000L, TreeMap::new, Collectors.toList()));
        Map<Long, String> lines = new TreeMap<>();
        bySecond.forEach((second, inSecond) -> lines.put(second, inSecond.stream()
                .collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" "))));
        return lines;
    }

    private String at(long nanos) {
        return String.format("%+8.3f", (nanos - origin) / 1e9);
    }

    private static String cause(Attempt attempt, List<String> log) {
        if (attempt.requestId() == null) {
            return attempt.failure();
        }
        String lines = log.stream().filter(line -> line.contains(attempt.requestId())).map(OutageTimeline::readable)
                .collect(Collectors.joining(" | "));
        return lines.isEmpty() ? "(nothing logged for it)" : lines;
    }

    /** A JSON log line (the packaged application's format) by its level and message; a text line as it is. */
    private static String readable(String line) {
        Matcher json = JSON_LINE.matcher(line);
        return json.find() ? json.group(1) + " " + json.group(2) : line;
    }
}
