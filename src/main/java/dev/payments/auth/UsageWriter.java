package dev.payments.auth;

import dev.payments.database.JobLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

@ApplicationScoped
class UsageWriter {

    @Transactional
    void write(Map<Credential, Instant> lastUses) {
        // one instance's flush at a time: two writing the same rows in another order could deadlock
        AccountToken.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) flush")
                .setParameter(1, JobLocks.Job.LAST_USED_FLUSH.key()).getSingleResult();
        lastUses.forEach((credential, at) -> {
            if (credential.isWebsiteKey()) {
                WebsiteKey.update("lastUsedAt = ?1 where id = ?2", at, credential.id());
            } else {
                AccountToken.update("lastUsedAt = ?1 where id = ?2", at, credential.id());
            }
        });
    }
}
