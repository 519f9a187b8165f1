package dev.payments.account.credentials;

import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.JobLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

@ApplicationScoped
class UsageWriter {

    @Inject
    Jdbc jdbc;

    @Transactional
    void write(Map<Credential, Instant> lastUses) {
        // one instance's flush at a time: two writing the same rows in another order could deadlock; the lock is the
        // JTA transaction's, whose connection the pool hands out here too
        jdbc.single("select pg_advisory_xact_lock(?)", Jdbc.values(JobLocks.Job.LAST_USED_FLUSH.key()), row -> true);
        lastUses.forEach((credential, at) -> {
            if (credential.isWebsiteKey()) {
                WebsiteKey.update("lastUsedAt = ?1 where id = ?2", at, credential.id());
            } else {
                AccountToken.update("lastUsedAt = ?1 where id = ?2", at, credential.id());
            }
        });
    }
}
