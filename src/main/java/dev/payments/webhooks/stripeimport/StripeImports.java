package dev.payments.webhooks.stripeimport;

import dev.payments.account.credentials.Secrets;
import dev.payments.account.directory.Website;
import dev.payments.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The stripe_import rows: one running import per website is decided by the database (a unique index on running
 * imports), so it holds across instances.
 */
@ApplicationScoped
class StripeImports {

    private static final String RUNNING_INDEX = "stripe_import_running_idx";

    @Inject
    StripeImportConfig config;

    /** A new running import; 404 without the website, 409 while another import of it runs. */
    @Transactional
    StripeImport start(String websiteId, Instant since) {
        // the website may have been deleted since the request's (cached) check
        if (Website.findById(websiteId, LockModeType.PESSIMISTIC_READ) == null) {
            throw ApiException.noWebsite(websiteId);
        }
        expireStale(websiteId);
        StripeImport run = new StripeImport();
        run.id = Secrets.newId();
        run.websiteId = websiteId;
        run.state = StripeImport.RUNNING;
        run.since = since;
        run.startedAt = Instant.now();
        run.heartbeatAt = run.startedAt;
        try {
            run.persistAndFlush();
        } catch (PersistenceException e) {
            if (anotherRunning(e)) {
                throw ApiException.conflict("a Stripe import of website " + websiteId + " is already running");
            }
            throw e;
        }
        return run;
    }

    private static boolean anotherRunning(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && RUNNING_INDEX.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    Optional<StripeImport> latest(String websiteId) {
        expireStale(websiteId);
        return StripeImport.find("websiteId = ?1 order by startedAt desc", websiteId).firstResultOptional();
    }

    /** Saves the counts so far and moves the heartbeat; false when the import is no longer running here. */
    @Transactional
    boolean progress(String id, ImportCounts counts) {
        return StripeImport.update("payments = ?2, refunds = ?3, skipped = ?4, heartbeatAt = ?5"
                + " where id = ?1 and state = 'running'", id, counts.payments(), counts.refunds(), counts.skipped(),
                Instant.now()) > 0;
    }

    /** Ends the import: done without a reason, failed with one. */
    @Transactional
    void finish(String id, ImportCounts counts, String failedBecause) {
        StripeImport.update("state = ?2, reason = ?3, payments = ?4, refunds = ?5, skipped = ?6, finishedAt = ?7"
                + " where id = ?1 and state = 'running'", id,
                failedBecause == null ? StripeImport.DONE : StripeImport.FAILED, failedBecause, counts.payments(),
                counts.refunds(), counts.skipped(), Instant.now());
    }

    private void expireStale(String websiteId) {
        Instant now = Instant.now();
        StripeImport.update("state = ?2, reason = ?3, finishedAt = ?4 where websiteId = ?1 and state = 'running'"
                + " and heartbeatAt < ?5", websiteId, StripeImport.FAILED,
                "the instance running the import stopped (no progress for " + config.staleAfter() + ")", now,
                now.minus(config.staleAfter()));
    }
}
