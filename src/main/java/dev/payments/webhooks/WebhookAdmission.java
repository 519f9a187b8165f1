package dev.payments.webhooks;

import dev.payments.account.access.SignedByProvider;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.BodyPrefetch;
import dev.payments.platform.http.ClientAddress;
import dev.payments.platform.ratelimit.RateLimits;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The route that takes requests without a token admits them before their bodies are read
 * (platform.http.BodyPrefetch runs after this filter): a client address that has sent too many unverified deliveries
 * gets its 429 at once, and none of its bytes are held.
 */
public class WebhookAdmission {

    private static final Uni<Void> ADMITTED = Uni.createFrom().voidItem();

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    @SignedByProvider
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 200)
    public Uni<Void> admit(ContainerRequestContext context, RoutingContext routing) {
        try {
            rateLimits.admitUnknownToken(clientAddress.of(routing.request()), context);
            return ADMITTED;
        } catch (ApiException refused) {
            BodyPrefetch.closeAfterAnswer(routing);
            return Uni.createFrom().failure(refused);
        }
    }
}
