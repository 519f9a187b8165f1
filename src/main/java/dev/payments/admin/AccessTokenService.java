package dev.payments.admin;

import dev.payments.auth.AccountToken;
import dev.payments.auth.Credential;
import dev.payments.auth.CredentialStore;
import dev.payments.auth.Permission;
import dev.payments.auth.Secrets;
import dev.payments.database.Jdbc;
import dev.payments.errors.ApiException;
import dev.payments.http.Identifiers;
import dev.payments.websites.Website;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * dft_ account tokens. A caller only sees, creates and revokes tokens within its own ceiling: no permission it lacks,
 * no website it cannot reach.
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
                .filter(t -> withinCeiling(caller, t))
                .map(t -> AccessTokenView.of(t, null))
                .toList();
    }

    @Transactional
    public AccessTokenView create(Credential caller, CreateTokenRequest request) {
        // without permissions, a token gets the caller's own
        List<String> permissions = request.permissions() == null
                ? caller.permissions().stream().map(Permission::wire).sorted().toList()
                : request.permissions().stream().map(String::trim).distinct().toList();
        List<String> websiteIds = request.websiteIds() == null ? List.of()
                : request.websiteIds().stream().map(id -> Identifiers.inParameter(id, "websiteIds")).map(String::trim)
                        .distinct().toList();
        for (String permission : permissions) {
            Permission known = Permission.fromWire(permission).orElseThrow(() -> ApiException.badRequest(
                    "unknown permission " + permission + "; known: " + Permission.NAMES, "permissions"));
            if (!caller.allows(known)) {
                throw ApiException.forbidden("cannot grant " + permission + ": the calling token does not have it");
            }
        }
        if (!caller.allWebsites() && (websiteIds.isEmpty() || !caller.websiteIds().containsAll(websiteIds))) {
            throw ApiException.forbidden("cannot grant access to websites the calling token cannot reach");
        }
        List<String> unknown = websiteIds.stream().filter(id -> Website.findByIdOptional(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown website ids: " + String.join(", ", unknown), "websiteIds");
        }
        String raw = Secrets.newSecret(Secrets.ACCOUNT_TOKEN_PREFIX);
        AccountToken token = new AccountToken();
        token.id = Secrets.newId();
        token.name = request.name().trim();
        token.tokenHash = Secrets.hash(raw);
        token.displayKey = Secrets.mask(raw);
        token.permissions = permissions;
        token.websiteIds = websiteIds;
        token.createdAt = Instant.now();
        token.persist();
        credentials.created(token.tokenHash);
        return AccessTokenView.of(token, raw);
    }

    @Transactional
    public void revoke(Credential caller, String tokenId) {
        Identifiers.inPath(tokenId, "access token");
        AccountToken token = AccountToken.<AccountToken>findByIdOptional(tokenId)
                .filter(t -> withinCeiling(caller, t))
                .orElseThrow(() -> ApiException.notFound("no access token " + tokenId));
        credentials.evict(token.tokenHash);
        token.delete();
        // remembered, so that a revoked bootstrap token is not stored again at the next start
        jdbc.update("insert into revoked_token (token_hash, revoked_at) values (?, ?) on conflict do nothing",
                Jdbc.values(token.tokenHash, Instant.now()));
    }

    /** Whether every permission and website of the token is also the caller's. */
    private static boolean withinCeiling(Credential caller, AccountToken token) {
        boolean permissions = token.permissions.stream()
                .allMatch(p -> Permission.fromWire(p).map(caller::allows).orElse(true));
        Set<String> reach = caller.websiteIds();
        boolean websites = caller.allWebsites() || (!token.websiteIds.isEmpty() && reach.containsAll(token.websiteIds));
        return permissions && websites;
    }
}
