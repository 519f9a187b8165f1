package dev.payments.account.tokens;

import dev.payments.account.access.TokenCeiling;
import dev.payments.account.credentials.AccountToken;
import dev.payments.account.credentials.Credential;
import dev.payments.account.credentials.CredentialStore;
import dev.payments.account.credentials.Secrets;
import dev.payments.account.directory.Website;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * dft_ account tokens. A caller only sees, creates and revokes tokens within its own ceiling ({@link TokenCeiling}): no
 * permission it lacks, no website it cannot reach.
 */
@ApplicationScoped
public class AccessTokenService {

    @Inject
    CredentialStore credentials;

    @Inject
    Jdbc jdbc;

    @Transactional
    public List<AccessTokenView> list(Credential caller) {
        return AccountToken.listInOrder().stream()
                .filter(t -> TokenCeiling.covers(caller, t))
                .map(t -> AccessTokenView.of(t, null))
                .toList();
    }

    /** Creates a token the caller may grant: {@link TokenCeiling#checkGrant}, which the resource calls first. */
    @Transactional
    public AccessTokenView create(NewAccessToken grant) {
        List<String> unknown = grant.websiteIds().stream().filter(id -> Website.findByIdOptional(id).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown website ids: " + String.join(", ", unknown), "websiteIds");
        }
        String raw = Secrets.newSecret(Secrets.ACCOUNT_TOKEN_PREFIX);
        AccountToken token = new AccountToken();
        token.id = Secrets.newId();
        token.name = grant.name();
        token.tokenHash = Secrets.hash(raw);
        token.displayKey = Secrets.mask(raw);
        token.permissions = grant.permissions();
        token.websiteIds = grant.websiteIds();
        token.createdAt = Instant.now();
        token.persist();
        credentials.created(token.tokenHash);
        return AccessTokenView.of(token, raw);
    }

    @Transactional
    public void revoke(Credential caller, String tokenId) {
        Identifiers.inPath(tokenId, "access token");
        AccountToken token = AccountToken.<AccountToken>findByIdOptional(tokenId)
                .filter(t -> TokenCeiling.covers(caller, t))
                .orElseThrow(() -> ApiException.notFound("no access token " + tokenId));
        credentials.evict(token.tokenHash);
        token.delete();
        // remembered, so that a revoked bootstrap token is not stored again at the next start
        jdbc.update("insert into revoked_token (token_hash, revoked_at) values (?, ?) on conflict do nothing",
                Jdbc.values(token.tokenHash, Instant.now()));
    }
}
