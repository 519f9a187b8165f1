package dev.payments.fuzz;

import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.quicktheories.core.Gen;

/**
 * Sends the generated requests of one route, checks every answer ({@link ResponseCheck}) and keeps the tally: cases
 * per kind and status, printed and written to target/reliability/fuzz-ROUTE.txt. The seed is fixed (override with
 * -Dfuzz.seed=N to explore; each batch of a run uses the next seed), so a failure is reproduced by running the suite
 * again.
 */
final class FuzzRun implements AutoCloseable {

    static final long SEED = Long.getLong("fuzz.seed", 20_260_601L);

    private final String route;
    private final RawHttp http = new RawHttp("localhost", RestAssured.port);
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private int cases;
    private int batches;
    private int serverErrors;
    private String failure = "none";

    FuzzRun(String route) {
        this.route = route;
        System.out.printf("fuzz %s: seed %d%n", route, SEED);
    }

    /**
     * Sends {@code examples} requests drawn from {@code requests}; {@code accepted} sees each 2xx answer's JSON.
     * Stops at the first broken invariant, naming the request.
     */
    void send(int examples, Gen<FuzzRequest> requests, ResponseCheck check,
            BiConsumer<FuzzRequest, JsonNode> accepted) {
        try {
            qt().withFixedSeed(SEED + batches++).withExamples(examples).withShrinkCycles(0).forAll(requests)
                    .checkAssert(request -> {
                        RawHttp.Response response = http.send(request);
                        cases++;
                        String kind = ResponseCheck.isRefusedByHttpLayer(request, response)
                                ? request.kind() + " (refused by the HTTP layer)" : request.kind();
                        statuses.computeIfAbsent(kind, k -> new TreeMap<>())
                                .merge(response.status(), 1, Integer::sum);
                        if (response.status() >= 500) {
                            serverErrors++;
                        }
                        JsonNode json = check.check(request, response);
                        if (response.status() < 300) {
                            accepted.accept(request, json);
                        }
                    });
        } catch (AssertionError | RuntimeException e) {
            failure = e.getMessage();
            throw e;
        }
    }

    int cases() {
        return cases;
    }

    @Override
    public void close() {
        http.close();
        StringBuilder report = new StringBuilder()
                .append("route: ").append(route).append('\n')
                .append("seed: ").append(SEED).append('\n')
                .append("fuzz cases tried: ").append(cases).append('\n')
                .append("5xx: ").append(serverErrors).append('\n')
                .append("first failure: ").append(failure).append('\n')
                .append("statuses by kind of case:\n");
        statuses.forEach((kind, counts) -> report.append("  ").append(kind).append(' ').append(counts).append('\n'));
        System.out.print("fuzz " + report);
        try {
            Path file = Path.of("target", "reliability", "fuzz-" + route + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
