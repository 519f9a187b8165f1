package dev.payments.account.access;

import dev.payments.account.credentials.Credential;
import dev.payments.account.credentials.CredentialStore;
import dev.payments.account.credentials.KnownCredentials;
import dev.payments.account.credentials.Permission;
import dev.payments.account.credentials.Secrets;
import dev.payments.account.credentials.UsageTracker;
import dev.payments.account.directory.WebsiteDirectory;
import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.ClientAddress;
import dev.payments.platform.http.Identifiers;
import dev.payments.platform.ratelimit.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication and authorization of every /api/v1 route, in this order: 401 (no or unknown token; 429 instead of
 * looking the token up when the client's address has sent too many unknown tokens, unless the token's hash is among
 * those stored), 429 (the token's rate limit is spent), 403 (missing permission), 400 (dft_ token without websiteId,
 * or a websiteId no id can be), 404 (a website id in the path no id can be), 403 (website not in the token's list, or
 * another website than the df_ key's), 404 (no such website), 403 (tracking suspended, on routes that record). See
 * {@link Identifiers}.
 */
public class AuthFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    CredentialStore credentials;

    @Inject
    WebsiteDirectory websites;

    @Inject
    UsageTracker usage;

    @Inject
    KnownCredentials knownCredentials;

    @Inject
    Caller caller;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    private final Map<Method, Requires> requirements = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void authorize(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        Requires requires = method == null ? null
                : requirements.computeIfAbsent(method, m -> m.getAnnotation(Requires.class));
        if (requires == null) {
            boolean signed = method != null && method.isAnnotationPresent(SignedByProvider.class);
            if (request.getUriInfo().getPath().startsWith("/api/") && !signed) {
                throw new IllegalStateException("API route without @Requires: " + method);
            }
            return;
        }
        // from Vert.x's headers: the JAX-RS view would copy every header into a map of its own first
        Credential credential = authenticate(http.getHeader(HttpHeaders.AUTHORIZATION), request, http);
        rateLimits.admit(credential.id(), request);
        if (!credential.allowsAny(requires.value())) {
            throw ApiException.forbidden("this token lacks the " + Arrays.stream(requires.value())
                    .map(Permission::wire).collect(Collectors.joining(" or ")) + " permission");
        }
        for (Permission also : requires.also()) {
            if (!credential.allows(also)) {
                throw ApiException.forbidden("this token lacks the " + also.wire() + " permission");
            }
        }
        WebsiteSnapshot website = switch (requires.website()) {
            case NONE -> null;
            case QUERY -> websiteFromQuery(credential, Identifiers.inParameter(
                    request.getUriInfo().getQueryParameters().getFirst("websiteId"), "websiteId"));
            case PATH -> accessible(credential, Identifiers.inPath(
                    request.getUriInfo().getPathParameters().getFirst("websiteId"), "website"));
        };
        if (requires.tracking() && website.trackingSuspended()) {
            throw ApiException.forbidden("tracking is suspended for this website");
        }
        caller.resolve(credential, website);
        usage.touch(credential);
    }

    private Credential authenticate(String authorization, ContainerRequestContext request, HttpServerRequest http) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("missing Authorization header; send Authorization: Bearer <token>");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("the Authorization header must use the Bearer scheme");
        }
        String token = authorization.substring(BEARER.length()).trim();
        Credential.Kind kind = token.startsWith(Secrets.WEBSITE_KEY_PREFIX) ? Credential.Kind.WEBSITE_KEY
                : token.startsWith(Secrets.ACCOUNT_TOKEN_PREFIX) ? Credential.Kind.ACCOUNT_TOKEN : null;
        if (kind == null) {
            throw ApiException.unauthorized("malformed token: expected a df_ website key or a dft_ account token");
        }
        String hash = Secrets.hash(token);
        Optional<Credential> known = credentials.cached(hash);
        if (known.isPresent()) {
            return known.get();
        }
        String address = clientAddress.of(http);
        if (!knownCredentials.mayExist(hash)) {
            rateLimits.admitUnknownToken(address, request);
        }
        return credentials.find(hash, kind).orElseThrow(() -> {
            rateLimits.unknownToken(address);
            return ApiException.unauthorized("unknown or revoked token");
        });
    }

    private WebsiteSnapshot websiteFromQuery(Credential credential, String websiteId) {
        if (credential.isWebsiteKey()) {
            if (websiteId != null && !websiteId.equals(credential.ownWebsiteId())) {
                throw ApiException.forbidden("this website key belongs to another website");
            }
            return existing(credential.ownWebsiteId());
        }
        if (websiteId == null || websiteId.isBlank()) {
            throw ApiException.badRequest("websiteId query parameter is required with a dft_ account token", "websiteId");
        }
        return accessible(credential, websiteId);
    }

    private WebsiteSnapshot accessible(Credential credential, String websiteId) {
        if (!credential.canAccess(websiteId)) {
            throw ApiException.forbidden("this token has no access to website " + websiteId);
        }
        return existing(websiteId);
    }

    private WebsiteSnapshot existing(String websiteId) {
        return websites.find(websiteId).orElseThrow(() -> ApiException.noWebsite(websiteId));
    }
}
