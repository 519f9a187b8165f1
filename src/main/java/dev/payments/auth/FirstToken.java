package dev.payments.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Stores the operator's bootstrap token at start-up, so the Account API can be used without touching the database. */
@ApplicationScoped
public class FirstToken {

    private static final Logger LOG = Logger.getLogger(FirstToken.class);
    private static final Pattern STRONG = Pattern.compile("dft_[A-Za-z0-9_-]{32,}");
    private static final int MIN_DISTINCT_CHARACTERS = 10;

    @Inject
    AuthConfig config;

    @Inject
    EntityManager entityManager;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        config.bootstrapToken().ifPresentOrElse(this::store, () -> {
            if (AccountToken.count() == 0) {
                LOG.warn("No account token exists yet: set PAYMENTS_BOOTSTRAP_TOKEN to dft_ followed by at least 32 "
                        + "random letters or digits (e.g. dft_$(openssl rand -hex 24)) and restart to get the first one.");
            }
        });
    }

    private void store(String token) {
        if (!isStrong(token)) {
            throw new IllegalStateException("PAYMENTS_BOOTSTRAP_TOKEN is too weak: it must be dft_ followed by at least "
                    + "32 random letters, digits, '-' or '_' (e.g. dft_$(openssl rand -hex 24)).");
        }
        // ON CONFLICT: several instances may start at once with the same token
        int created = entityManager.createNativeQuery("""
                insert into account_token (id, name, token_hash, display_key, permissions, website_ids, created_at)
                values (?1, 'bootstrap', ?2, ?3, array['*'], array[]::text[], ?4)
                on conflict (token_hash) do nothing""")
                .setParameter(1, Secrets.newId())
                .setParameter(2, Secrets.hash(token))
                .setParameter(3, Secrets.mask(token))
                .setParameter(4, Instant.now())
                .executeUpdate();
        if (created == 1) {
            LOG.infof("Stored the bootstrap account token %s with permission * on all websites", Secrets.mask(token));
        }
    }

    static boolean isStrong(String token) {
        return STRONG.matcher(token).matches()
                && token.substring(4).chars().distinct().count() >= MIN_DISTINCT_CHARACTERS;
    }
}
