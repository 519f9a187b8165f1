package dev.payments.account.websites;

import dev.payments.account.credentials.Credential;
import dev.payments.account.credentials.CredentialStore;
import dev.payments.account.credentials.Secrets;
import dev.payments.account.directory.ReportingCurrencyChanged;
import dev.payments.account.directory.TimeZones;
import dev.payments.account.directory.Website;
import dev.payments.account.directory.WebsiteDeleting;
import dev.payments.account.directory.WebsiteDirectory;
import dev.payments.currency.Currencies;
import dev.payments.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@ApplicationScoped
public class WebsiteService {

    static final String DEFAULT_CURRENCY = "USD";
    static final String DEFAULT_TIMEZONE = "UTC";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    @Inject
    WebsiteDirectory directory;

    @Inject
    CredentialStore credentials;


    @Inject
    Event<ReportingCurrencyChanged> currencyChanged;

    @Inject
    Event<WebsiteDeleting> deleting;

    @Transactional
    public List<WebsiteView> list(Credential caller) {
        List<Website> websites = caller.allWebsites()
                ? Website.list("order by createdAt, id")
                : Website.list("id in ?1 order by createdAt, id", caller.websiteIds());
        return websites.stream().map(WebsiteView::of).toList();
    }

    @Transactional
    public WebsiteView create(WebsiteRequests.Create request) {
        String domain = request.domain().trim().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw ApiException.badRequest("domain must be a host name such as example.com", "domain");
        }
        if (Website.count("domain", domain) > 0) {
            throw ApiException.conflict("a website with domain " + domain + " already exists");
        }
        Website website = new Website();
        website.id = Secrets.newId();
        website.domain = domain;
        website.name = request.name() == null || request.name().isBlank() ? domain : request.name().trim();
        website.currency = request.currency() == null ? DEFAULT_CURRENCY : Currencies.normalize(request.currency());
        website.timezone = request.timezone() == null ? DEFAULT_TIMEZONE : timezone(request.timezone());
        website.createdAt = Instant.now();
        website.persist();
        return WebsiteView.created(website);
    }

    @Transactional
    public WebsiteView get(String websiteId) {
        return WebsiteView.of(existing(websiteId));
    }

    @Transactional
    public WebsiteView update(String websiteId, WebsiteRequests.Update request) {
        Website website = existing(websiteId);
        if (request.name() != null) {
            website.name = request.name().trim();
        }
        if (request.currency() != null && !Currencies.normalize(request.currency()).equals(website.currency)) {
            website.currency = Currencies.normalize(request.currency());
            // its payments are converted again in the background, once this commits
            website.reconversionPending = true;
            currencyChanged.fire(new ReportingCurrencyChanged(websiteId, website.currency));
        }
        if (request.timezone() != null) {
            website.timezone = timezone(request.timezone());
        }
        if (request.trackingSuspended() != null) {
            website.trackingSuspended = request.trackingSuspended();
        }
        directory.evict(websiteId);
        return WebsiteView.of(website);
    }

    /**
     * Deletes the website with its payments (audited: the payments feature observes {@link WebsiteDeleting}) and keys
     * (the schema cascades). Its row is locked first: a payment being inserted for it commits before, and none after.
     */
    @Transactional
    public void delete(Credential caller, String websiteId) {
        Website website = Website.<Website>findByIdOptional(websiteId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.noWebsite(websiteId));
        deleting.fire(new WebsiteDeleting(caller.id(), websiteId));
        website.delete();
        directory.evict(websiteId);
        credentials.evictAll();
    }

    private static Website existing(String websiteId) {
        return Website.<Website>findByIdOptional(websiteId)
                .orElseThrow(() -> ApiException.noWebsite(websiteId));
    }

    private static String timezone(String value) {
        return TimeZones.parse(value, "timezone").getId();
    }
}
