package dev.payments.account.demo;

import dev.payments.account.access.AuthConfig;
import dev.payments.account.credentials.AccountToken;
import dev.payments.account.credentials.Credential;
import dev.payments.account.credentials.Permission;
import dev.payments.account.credentials.WebsiteKey;
import dev.payments.account.directory.Website;
import dev.payments.account.keys.ApiKeyService;
import dev.payments.account.tokens.AccessTokenService;
import dev.payments.account.tokens.NewAccessToken;
import dev.payments.account.websites.WebsiteRequests;
import dev.payments.account.websites.WebsiteService;
import dev.payments.platform.database.SchemaReady;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * In dev mode without a bootstrap token: a demo website with a fresh df_ key and dft_ token, printed once at each
 * start, so a newcomer can try the API in Swagger UI at once. The previous start's demo credentials are revoked.
 */
@ApplicationScoped
class DevDemo {

    private static final Logger LOG = Logger.getLogger(DevDemo.class);
    private static final String DOMAIN = "demo.localhost";
    private static final String NAME = "dev-demo";
    private static final Credential SYSTEM = new Credential(NAME, Credential.Kind.ACCOUNT_TOKEN,
            Set.of(Permission.ALL), Set.of());

    @Inject
    AuthConfig config;

    @Inject
    WebsiteService websites;

    @Inject
    ApiKeyService keys;

    @Inject
    AccessTokenService tokens;

    void onSchemaReady(@Observes SchemaReady event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || config.bootstrapToken().isPresent()) {
            return;
        }
        String websiteId = Website.<Website>find("domain", DOMAIN).firstResultOptional().map(w -> w.id)
                .orElseGet(() -> websites.create(new WebsiteRequests.Create(DOMAIN, "Demo website", null, null)).id());
        WebsiteKey.<WebsiteKey>list("websiteId = ?1 and name = ?2", websiteId, NAME)
                .forEach(k -> keys.revoke(websiteId, k.id));
        AccountToken.<AccountToken>list("name", NAME).forEach(t -> tokens.revoke(SYSTEM, t.id));
        String key = keys.create(websiteId, NAME).key();
        String token = tokens.create(new NewAccessToken(NAME, List.of("*"), List.of())).key();
        LOG.infof("""

                ==== Dev mode demo data (new at every start; set PAYMENTS_BOOTSTRAP_TOKEN to turn this off) ====
                  website         %s (%s)
                  df_ website key %s
                  dft_ token (*)  %s
                  Try it: http://localhost:8080/q/swagger-ui -> Authorize -> paste the df_ key
                =================================================================================================""",
                websiteId, DOMAIN, key, token);
    }
}
