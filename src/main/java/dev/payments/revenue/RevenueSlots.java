package dev.payments.revenue;

import dev.payments.database.Jdbc;
import dev.payments.database.JdbcFailure;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The revenue sums of each website per UTC quarter hour (table revenue_slot, kept by payment's triggers: migration
 * V8): every change to payments adds rows, and this merges a quarter hour's rows into one. A pass takes the rows it
 * merges with SKIP LOCKED, and skips websites being deleted, so passes on several instances never wait for one
 * another nor for writers, and never merge a row twice.
 */
@ApplicationScoped
public class RevenueSlots {

    /** The width of a slot: revenue_slot_of in migration V8 cuts the same quarter hours. */
    static final Duration SLOT = Duration.ofMinutes(15);
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

    @Inject
    Jdbc jdbc;

    /** Whether an instant starts a slot: a bucket edge that does not cannot be read from slots. */
    static boolean startsSlot(Instant at) {
        return at.getNano() == 0 && Math.floorMod(at.getEpochSecond(), SLOT.toSeconds()) == 0;
    }

    /** The first slot start at or after {@code at}. */
    static Instant slotAtOrAfter(Instant at) {
        Instant floor = slotOf(at);
        return floor.equals(at) ? at : floor.plus(SLOT);
    }

    /** The start of the slot holding {@code at}. */
    static Instant slotOf(Instant at) {
        long seconds = SLOT.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
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

    /** One pass over the slots of at most 1,000 unmerged rows; how many such rows it found. */
    int merge() {
        return jdbc.single(MERGE, Jdbc.values(BATCH), taken -> taken.getInt(1)).orElseThrow();
    }
}
