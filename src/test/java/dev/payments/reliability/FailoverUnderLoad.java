package dev.payments.reliability;

import dev.payments.reliability.PaymentLoad.Attempt;
import dev.payments.support.Fixtures.TestWebsite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two instances of the packaged application on a {@link ReplicatedClusters} pair, through a multi-host JDBC URL (the
 * pool, the notification listener and the job locks alike), and a failover under payment load: the primary stopped
 * in immediate mode, the standby promoted a second later. Keeps the run's timeline, the instances' log and both
 * servers' logs in target/reliability, named after the run.
 */
final class FailoverUnderLoad implements AutoCloseable {

    static final String SCHEMA = "payments_failover";
    static final Path EVIDENCE = Path.of("target", "reliability");
    private static final int INSTANCES = 2;
    private static final int CLIENTS = 32;
    /** Longer than any answer may take, so that a hanging request shows as one instead of being waited out. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** Kubernetes' default readiness probe timeout. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BEFORE_FAILURE = Duration.ofSeconds(4);
    /** Between the primary's end and the promotion: what a failover manager takes at the least to decide. */
    private static final Duration BEFORE_PROMOTION = Duration.ofSeconds(1);
    private static final Duration AFTER_PROMOTION = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /** The moments of a run, System.nanoTime(): the primary's end and the promotion's start. */
    record Failover(OutageFindings findings, long failedAt, long promotedAt, String readiness) {
    }

    private final ReplicatedClusters clusters;
    private final List<Instance> instances;
    private final String name;

    private FailoverUnderLoad(ReplicatedClusters clusters, List<Instance> instances, String name) {
        this.clusters = clusters;
        this.instances = instances;
        this.name = name;
    }

    /** The instances started and ready; {@code name} names the evidence files, e.g. failover-sync. */
    static FailoverUnderLoad start(ReplicatedClusters clusters, String name) throws Exception {
        String url = clusters.jdbcUrl(SCHEMA);
        Map<String, String> settings = Map.of("quarkus.datasource.jdbc.url", url,
                "payments.database.direct-jdbc-url", url,
                "quarkus.datasource.username", ReplicatedClusters.USER,
                "quarkus.datasource.password", ReplicatedClusters.PASSWORD,
                "quarkus.flyway.schemas", SCHEMA,
                // the job the test watches after the failover: a conversion pass every second
                "payments.rates.pending-interval", "1s");
        FailoverUnderLoad service = new FailoverUnderLoad(clusters, new ArrayList<>(), name);
        try {
            for (int i = 0; i < INSTANCES; i++) {
                service.instances.add(Instance.start(settings));
            }
            for (Instance instance : service.instances) {
                instance.awaitReady(PATIENCE);
            }
            return service;
        } catch (Exception e) {
            service.close();
            throw e;
        }
    }

    List<Instance> instances() {
        return instances;
    }

    /** Payments under load on both instances, the primary failed over, the failed ones retried; what is stored. */
    Failover failOverUnderLoad(TestWebsite site) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> bases = instances.stream().map(instance -> instance.uri("/")).toList();
        WriteProbe probe = new WriteProbe(clusters.jdbcUrl(SCHEMA), ReplicatedClusters.USER,
                ReplicatedClusters.PASSWORD);
        OutageTimeline timeline = new OutageTimeline(System.nanoTime());
        List<ReadinessWatch> readiness = bases.stream().map(base -> new ReadinessWatch(http, base, PROBE_TIMEOUT))
                .toList();
        List<Attempt> attempts = List.of();
        List<Attempt> retries = List.of();
        long failedAt = 0;
        long promotedAt = 0;
        try (PaymentLoad load = new PaymentLoad(http, bases, site.key(), CLIENTS, REQUEST_TIMEOUT)) {
            try {
                timeline.markNow(CLIENTS + " clients started posting payments to " + bases);
                timeline.markCommit(probe.commit(), "before the failure");
                Thread.sleep(BEFORE_FAILURE.toMillis());
                failedAt = System.nanoTime();
                clusters.primary().crash();
                timeline.mark(failedAt, "the primary stopped in immediate mode " + clusters.primary());
                Thread.sleep(BEFORE_PROMOTION.toMillis());
                promotedAt = System.nanoTime();
                clusters.standby().promote();
                timeline.mark(promotedAt, "the standby's promotion began " + clusters.standby());
                timeline.markNow("the standby is the primary (pg_ctlcluster promote returned)");
                timeline.markCommit(probe.awaitCommit(PATIENCE), "the first on the new primary");
                Thread.sleep(AFTER_PROMOTION.toMillis());
                attempts = load.stop();
                timeline.markNow("the load stopped");
                retries = load.retry(attempts.stream().filter(a -> a.status() != 200).map(Attempt::transactionId)
                        .toList());
            } catch (Throwable failure) {
                attempts = attempts.isEmpty() ? load.stopAfter(failure) : attempts;
                throw failure;
            } finally {
                for (int i = 0; i < readiness.size(); i++) {
                    readiness.get(i).close();
                    String instance = "instance " + instances.get(i).port();
                    readiness.get(i).changes().forEach(change -> timeline.mark(change.atNanos(),
                            instance + " readiness " + change.state()));
                }
                keepEvidence(timeline, attempts, retries);
            }
        }
        long down = failedAt;
        long back = promotedAt;
        // an instance's check waits for a pool connection (up to the 5 s acquisition timeout), which can span the
        // whole failover and end UP: the probe's own timeout, as Kubernetes' (1 s), counts such a wait as DOWN
        boolean downAndUp = readiness.stream().anyMatch(watch -> watch.wentDownAndUpAfter(down))
                && readiness.stream().allMatch(ReadinessWatch::up);
        String readinessTimes = String.join("; ", readiness.stream().map(watch -> watch.downAndUp(down, back))
                .toList());
        try (Connection db = clusters.connect(SCHEMA)) {
            return new Failover(new OutageFindings(name, attempts, retries, StoredTransactions.of(db, site.id()),
                    failedAt, promotedAt, downAndUp), failedAt, promotedAt, readinessTimes);
        }
    }

    /** The timeline, both instances' log (read for each failed request's cause) and both servers' logs. */
    private void keepEvidence(OutageTimeline timeline, List<Attempt> attempts, List<Attempt> retries)
            throws IOException {
        Files.createDirectories(EVIDENCE);
        Path applicationLog = EVIDENCE.resolve(name + "-application.log");
        List<String> lines = new ArrayList<>();
        for (Instance instance : instances) {
            instance.logLines().forEach(line -> lines.add("[instance " + instance.port() + "] " + line));
        }
        Files.write(applicationLog, lines);
        List<Attempt> all = new ArrayList<>(attempts);
        all.addAll(retries);
        timeline.write(EVIDENCE.resolve(name + "-timeline.txt"), all, applicationLog);
        clusters.copyLogs(EVIDENCE, name);
    }

    @Override
    public void close() throws InterruptedException {
        for (Instance instance : instances) {
            instance.close();
        }
    }
}
