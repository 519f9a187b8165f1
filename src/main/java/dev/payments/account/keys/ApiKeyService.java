package dev.payments.account.keys;

import dev.payments.account.credentials.CredentialStore;
import dev.payments.account.credentials.Secrets;
import dev.payments.account.credentials.WebsiteKey;
import dev.payments.account.directory.Website;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** df_ keys of a website: at most {@value #MAX_KEYS_PER_WEBSITE}, shown in full only when created or rolled. */
@ApplicationScoped
public class ApiKeyService {

    static final int MAX_KEYS_PER_WEBSITE = 10;

    @Inject
    CredentialStore credentials;

    @Transactional
    public List<ApiKeyView> list(String websiteId) {
        return WebsiteKey.ofWebsite(websiteId).stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    @Transactional
    public ApiKeyView create(String websiteId, String name) {
        // the lock serializes concurrent creates, so the limit holds under concurrency; the website may have been
        // deleted since the request's (cached) check
        if (Website.findById(websiteId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ApiException.noWebsite(websiteId);
        }
        if (WebsiteKey.countOfWebsite(websiteId) >= MAX_KEYS_PER_WEBSITE) {
            // as DataFast words it
            throw ApiException.badRequest("Key limit reached (max " + MAX_KEYS_PER_WEBSITE + " per website)");
        }
        String raw = Secrets.newSecret(Secrets.WEBSITE_KEY_PREFIX);
        WebsiteKey key = new WebsiteKey();
        key.id = Secrets.newId();
        key.websiteId = websiteId;
        key.name = name.trim();
        key.keyHash = Secrets.hash(raw);
        key.displayKey = Secrets.mask(raw);
        key.createdAt = Instant.now();
        key.persist();
        credentials.created(key.keyHash);
        return ApiKeyView.of(key, raw);
    }

    /** Replaces the key's secret: the new raw key is returned once, the old one stops working. */
    @Transactional
    public ApiKeyView roll(String websiteId, String keyId) {
        WebsiteKey key = existing(websiteId, keyId);
        credentials.evict(key.keyHash);
        String raw = Secrets.newSecret(Secrets.WEBSITE_KEY_PREFIX);
        key.keyHash = Secrets.hash(raw);
        key.displayKey = Secrets.mask(raw);
        credentials.created(key.keyHash);
        return ApiKeyView.of(key, raw);
    }

    @Transactional
    public void revoke(String websiteId, String keyId) {
        WebsiteKey key = existing(websiteId, keyId);
        credentials.evict(key.keyHash);
        key.delete();
    }

    private static WebsiteKey existing(String websiteId, String keyId) {
        Identifiers.inPath(keyId, "API key");
        return WebsiteKey.<WebsiteKey>find("id = ?1 and websiteId = ?2", keyId, websiteId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("website " + websiteId + " has no API key " + keyId));
    }
}
