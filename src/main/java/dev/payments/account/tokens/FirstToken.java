package dev.payments.account.tokens;

import dev.payments.account.access.AuthConfig;
import dev.payments.account.credentials.CredentialStore;
import dev.payments.account.credentials.Secrets;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.SchemaReady;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Stores the operator's bootstrap token once the schema is ready, so the Account API can be used without touching the
 * database, unless that token was revoked once (revoked_token keeps the hash of every revoked account token); without
 * one, and with no token in the database, says once how to create the first.
 */
@ApplicationScoped
public class FirstToken {

    private static final Logger LOG = Logger.getLogger(FirstToken.class);
    private static final Pattern STRONG = Pattern.compile("dft_[A-Za-z0-9_-]{32,}");
    private static final int MIN_DISTINCT_CHARACTERS = 10;

    @Inject
    AuthConfig config;

    @Inject
    Jdbc jdbc;

    @Inject
    CredentialStore credentials;

    /** Runs before the database is touched, so a weak token stops start-up even while the database is down. */
    void checkStrength(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        config.bootstrapToken().filter(token -> !isStrong(token)).ifPresent(token -> {
            // Quarkus prints a ConfigurationException's message alone, without a stack trace
            throw new ConfigurationException("PAYMENTS_BOOTSTRAP_TOKEN is too weak: it must be dft_ followed by at "
                    + "least 32 random letters, digits, '-' or '_' (e.g. dft_$(openssl rand -hex 24)).");
        });
    }

    @Transactional
    public void onSchemaReady(@Observes SchemaReady event) {
        config.bootstrapToken().ifPresentOrElse(this::store, () -> {
            // SQL, not HQL: the first HQL statement initialises Hibernate's parser, on the way to readiness
            if (!jdbc.single("select exists (select 1 from account_token)", Jdbc.values(), row -> row.getBoolean(1))
                    .orElseThrow()) {
                LOG.warn("No account token exists yet: set PAYMENTS_BOOTSTRAP_TOKEN to dft_ followed by at least 32 "
                        + "random letters or digits (e.g. dft_$(openssl rand -hex 24)) and restart to get the first one.");
            }
        });
    }

    private void store(String token) {
        String hash = Secrets.hash(token);
        Optional<Instant> revokedAt = jdbc.single("select revoked_at from revoked_token where token_hash = ?",
                Jdbc.values(hash), row -> row.getObject(1, OffsetDateTime.class).toInstant());
        if (revokedAt.isPresent()) {
            LOG.warnf("PAYMENTS_BOOTSTRAP_TOKEN %s was revoked (%s): it is not stored again. Remove it, or set a new "
                    + "one to get a new first token", Secrets.mask(token), revokedAt.get());
            return;
        }
        // ON CONFLICT: several instances may start at once with the same token
        int created = jdbc.update("""
                insert into account_token (id, name, token_hash, display_key, permissions, website_ids, created_at)
                values (?, 'bootstrap', ?, ?, array['*'], array[]::text[], ?)
                on conflict (token_hash) do nothing""",
                Jdbc.values(Secrets.newId(), hash, Secrets.mask(token), Instant.now()));
        if (created == 1) {
            credentials.created(hash);
            LOG.infof("Stored the bootstrap account token %s with permission * on all websites", Secrets.mask(token));
        }
    }

    static boolean isStrong(String token) {
        return STRONG.matcher(token).matches()
                && token.substring(4).chars().distinct().count() >= MIN_DISTINCT_CHARACTERS;
    }
}
