package dev.payments.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

@ApplicationScoped
class UsageWriter {

    @Transactional
    void write(Map<Credential, Instant> lastUses) {
        lastUses.forEach((credential, at) -> {
            if (credential.isWebsiteKey()) {
                WebsiteKey.update("lastUsedAt = ?1 where id = ?2", at, credential.id());
            } else {
                AccountToken.update("lastUsedAt = ?1 where id = ?2", at, credential.id());
            }
        });
    }
}
