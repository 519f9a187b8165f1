package dev.payments.account.tokens;

import dev.payments.account.access.Caller;
import dev.payments.account.access.Requires;
import dev.payments.account.access.TokenCeiling;
import dev.payments.account.credentials.Permission;
import dev.payments.account.credentials.WebsiteReach;
import dev.payments.account.websites.Deleted;
import dev.payments.platform.http.Envelope;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// AuthFilter reads @Requires from the resource methods, in the native image too
@RegisterForReflection(methods = true, fields = false)
@Path("/api/v1/admin/access-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access tokens", description = "Account API: dft_ account tokens")
public class AccessTokenResource {

    @Inject
    AccessTokenService service;

    @Inject
    Caller caller;

    @GET
    @Requires(Permission.API_KEYS_READ)
    @Operation(operationId = "listAccessTokens", summary = "List account tokens, masked",
            description = "Only tokens within the caller's own permissions and websites are listed.")
    @APIResponse(responseCode = "200", description = "The tokens")
    public Envelope<AccessTokenView> list() {
        return Envelope.of(service.list(caller.credential()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.API_KEYS_WRITE)
    @Operation(operationId = "createAccessToken", summary = "Create a dft_ token",
            description = "The raw token is in this response only. It cannot exceed the caller's own permissions or "
                    + "websites (403).")
    @APIResponse(responseCode = "200", description = "The new token, with its raw value")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Envelope<AccessTokenView> create(@Valid @NotNull(message = "is required") CreateTokenRequest body) {
        NewAccessToken grant = NewAccessToken.of(body, caller.credential());
        TokenCeiling.checkGrant(caller.credential(), grant.permissions(), WebsiteReach.of(grant.websiteIds()));
        return Envelope.of(service.create(grant));
    }

    @DELETE
    @Path("/{tokenId}")
    @Requires(Permission.API_KEYS_WRITE)
    @Operation(operationId = "revokeAccessToken", summary = "Revoke a token",
            description = "Takes effect at once on this instance and within 2 s on every other.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(ref = "NotFound")
    public Envelope<Deleted> revoke(@PathParam("tokenId") String tokenId) {
        service.revoke(caller.credential(), tokenId);
        return Envelope.of(new Deleted("Access token revoked", tokenId));
    }
}
