package dev.payments.account.websites;

import dev.payments.account.access.Caller;
import dev.payments.account.access.Requires;
import dev.payments.account.access.TokenCeiling;
import dev.payments.account.access.WebsiteScope;
import dev.payments.account.credentials.Permission;
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
@Path("/api/v1/admin/websites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Websites", description = "Account API: the websites of this installation")
public class WebsiteResource {

    @Inject
    WebsiteService service;

    @Inject
    Caller caller;

    @GET
    @Requires({Permission.WEBSITES_READ, Permission.SETTINGS_READ})
    @Operation(operationId = "listWebsites", summary = "List the websites the caller may see")
    @APIResponse(responseCode = "200", description = "The websites")
    public Envelope<WebsiteView> list() {
        return Envelope.of(service.list(caller.credential()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WEBSITES_WRITE)
    @Operation(operationId = "createWebsite", summary = "Create a website",
            description = "Only tokens valid for all websites may create one.")
    @APIResponse(responseCode = "200", description = "The new website")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Envelope<WebsiteView> create(@Valid @NotNull(message = "is required") WebsiteRequests.Create body) {
        TokenCeiling.checkCreatesWebsites(caller.credential());
        return Envelope.of(service.create(body));
    }

    @GET
    @Path("/{websiteId}")
    @Requires(value = {Permission.WEBSITES_READ, Permission.SETTINGS_READ}, website = WebsiteScope.PATH)
    @Operation(operationId = "getWebsite", summary = "Read a website")
    @APIResponse(responseCode = "200", description = "The website")
    @APIResponse(ref = "NotFound")
    public Envelope<WebsiteView> get(@PathParam("websiteId") String websiteId) {
        return Envelope.of(service.get(websiteId));
    }

    @PUT
    @Path("/{websiteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = {Permission.WEBSITES_WRITE, Permission.SETTINGS_WRITE}, website = WebsiteScope.PATH)
    @Operation(operationId = "updateWebsite",
            summary = "Update name, reporting currency, time zone or tracking suspension")
    @APIResponse(responseCode = "200", description = "The updated website")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Envelope<WebsiteView> update(@PathParam("websiteId") String websiteId,
            @Valid @NotNull(message = "is required") WebsiteRequests.Update body) {
        return Envelope.of(service.update(websiteId, body));
    }

    @DELETE
    @Path("/{websiteId}")
    @Requires(value = Permission.WEBSITES_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "deleteWebsite", summary = "Delete a website with its API keys and payments")
    @APIResponse(responseCode = "200", description = "Deleted")
    @APIResponse(ref = "NotFound")
    public Envelope<Deleted> delete(@PathParam("websiteId") String websiteId) {
        service.delete(caller.credential(), websiteId);
        return Envelope.of(new Deleted("Website deleted", websiteId));
    }
}
