package dev.payments.account.keys;

import dev.payments.account.access.Requires;
import dev.payments.account.access.WebsiteScope;
import dev.payments.account.credentials.Permission;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// AuthFilter reads @Requires from the resource methods, in the native image too
@RegisterForReflection(methods = true, fields = false)
@Path("/api/v1/admin/websites/{websiteId}/apikeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Website API keys", description = "Account API: the df_ keys of a website")
public class ApiKeyResource {

    @Inject
    ApiKeyService service;

    @GET
    @Requires(value = Permission.API_KEYS_READ, website = WebsiteScope.PATH)
    @Operation(operationId = "listApiKeys", summary = "List the website's keys, masked")
    @APIResponse(responseCode = "200", description = "The keys")
    @APIResponse(ref = "NotFound")
    public Envelope<ApiKeyView> list(@PathParam("websiteId") String websiteId) {
        return Envelope.of(service.list(websiteId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.API_KEYS_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "createApiKey", summary = "Create a df_ key",
            description = "The raw key is in this response only. At most 10 keys per website: 400 beyond that.")
    @APIResponse(responseCode = "200", description = "The new key, with its raw value")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Envelope<ApiKeyView> create(@PathParam("websiteId") String websiteId,
            @Valid @NotNull(message = "is required") NameRequest body) {
        return Envelope.of(service.create(websiteId, body.name()));
    }

    @PUT
    @Path("/{apiKeyId}")
    @Requires(value = Permission.API_KEYS_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "rollApiKey", summary = "Roll a key",
            description = "Returns the new raw key once; the old one stops working.")
    @APIResponse(responseCode = "200", description = "The key, with its new raw value")
    @APIResponse(ref = "NotFound")
    public Envelope<ApiKeyView> roll(@PathParam("websiteId") String websiteId, @PathParam("apiKeyId") String apiKeyId) {
        return Envelope.of(service.roll(websiteId, apiKeyId));
    }

    @DELETE
    @Path("/{apiKeyId}")
    @Requires(value = Permission.API_KEYS_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(ref = "NotFound")
    public Envelope<Deleted> revoke(@PathParam("websiteId") String websiteId, @PathParam("apiKeyId") String apiKeyId) {
        service.revoke(websiteId, apiKeyId);
        return Envelope.of(new Deleted("API key revoked", apiKeyId));
    }
}
