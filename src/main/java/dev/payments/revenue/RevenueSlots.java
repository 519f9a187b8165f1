package dev.payments.revenue;

import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.JdbcFailure;
import dev.payments.platform.database.SchemaReady;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The revenue sums of each website per UTC quarter hour (table revenue_slot, kept by payment's triggers: migration
 * V8): every change to payments adds rows, and this merges a quarter hour's rows into one. A pass takes the rows it
 * merges with SKIP LOCKED, and skips websites being deleted, so passes on several instances never wait for one
 * another nor for writers, and never merge a row twice. The width of a slot is the database's, revenue_slot_width()
 * (migration V13), read once the schema is ready.
 */
@ApplicationScoped
public class RevenueSlots {

    private static final Logger LOG = Logger.getLogger(RevenueSlots.class);
    private static final int BATCH = 1_000;
    private static final int MAX_PASSES = 100;
    private static final String MERGE = """
            with unmerged as (
                select s.website_id, s.slot from revenue_slot s join website w on w.id = s.website_id
                where not s.merged
                limit ?
                for key share of w skip locked),
            picked as (
                select s.id from revenue_slot s
                where (s.website_id, s.slot) in (select website_id, slot from unmerged)
                for update of s skip locked),
            taken as (
                delete from revenue_slot where id in (select id from picked)
                returning website_id, slot, currency, new_amount, renewal_amount, refund_amount, new_count,
                          renewal_count, refund_count, free_trials),
            merged as (
                insert into revenue_slot (website_id, slot, currency, new_amount, renewal_amount, refund_amount,
                                          new_count, renewal_count, refund_count, free_trials, merged)
                select website_id, slot, currency, sum(new_amount), sum(renewal_amount), sum(refund_amount),
                       sum(new_count), sum(renewal_count), sum(refund_count), sum(free_trials), true
                from taken
                group by 1, 2, 3
                having sum(new_count) <> 0 or sum(renewal_count) <> 0 or sum(refund_count) <> 0
                    or sum(free_trials) <> 0 or sum(new_amount) <> 0 or sum(renewal_amount) <> 0
                    or sum(refund_amount) <> 0)
            select count(*) from unmerged""";

    private static final String SLOT_SECONDS = "select extract(epoch from revenue_slot_width())::bigint";

    @Inject
    Jdbc jdbc;

    /** Read before the service reports ready: API requests, which alone cut slots, wait for readiness until then. */
    private volatile long slotSeconds;

    void onSchemaReady(@Observes SchemaReady ready) {
        slotSeconds = readSlotSeconds();
    }

    /** Whether an instant starts a slot: a bucket edge that does not cannot be read from slots. */
    boolean startsSlot(Instant at) {
        return at.getNano() == 0 && Math.floorMod(at.getEpochSecond(), slotSeconds) == 0;
    }

    /** The first slot start at or after {@code at}. */
    Instant slotAtOrAfter(Instant at) {
        Instant floor = slotOf(at);
        return floor.equals(at) ? at : floor.plusSeconds(slotSeconds);
    }

    /**
     * The start of the slot holding {@code at}. Slots count from 1970-01-01 here and from 2000-01-01 in
     * revenue_slot_of, a whole number of days later: the same slots for any width that divides a day.
     */
    Instant slotOf(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), slotSeconds) * slotSeconds);
    }

    void schedule(@Observes StartupEvent start, Scheduler scheduler, RevenueConfig config) {
        scheduler.newJob(RevenueSlots.class.getName()).setInterval(config.mergeInterval())
                .setDelayed(config.mergeInterval()).setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> mergeAll()).schedule();
    }

    void mergeAll() {
        try {
            for (int pass = 0; pass < MAX_PASSES && merge() == BATCH; pass++) {
                // a full batch: more may be waiting
            }
        } catch (JdbcFailure e) {
            LOG.warnf("Merging revenue sums waits for the database (%s); the next pass continues", e.getMessage());
        }
    }

    /** Fails unchecked ({@link JdbcFailure}), for Schema: the service stays not ready and Schema tries again. */
    private long readSlotSeconds() {
        return jdbc.single(SLOT_SECONDS, Jdbc.values(), width -> width.getLong(1)).orElseThrow();
    }

    /** One pass over the slots of at most 1,000 unmerged rows; how many such rows it found. */
    int merge() {
        return jdbc.single(MERGE, Jdbc.values(BATCH), taken -> taken.getInt(1)).orElseThrow();
    }
}
