package dev.payments.webhooks.integrations;

import dev.payments.account.access.Requires;
import dev.payments.account.access.WebsiteScope;
import dev.payments.account.credentials.Permission;
import dev.payments.platform.http.Envelope;
import dev.payments.webhooks.deliveries.DeliveryView;
import dev.payments.webhooks.stripeimport.StripeImportRequest;
import dev.payments.webhooks.stripeimport.StripeImportService;
import dev.payments.webhooks.stripeimport.StripeImportView;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

// AuthFilter reads @Requires from the resource methods, in the native image too
@RegisterForReflection(methods = true, fields = false)
@Path("/api/v1/admin/websites/{websiteId}/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provider integrations",
        description = "Account API: the payment providers that send webhooks for a website, and Stripe history imports")
public class IntegrationResource {

    private static final String PROVIDER = "stripe, lemonsqueezy, polar or paddle";
    private static final String NEEDS_PAYMENTS_WRITE = "Needs payments:write as well as websites:write: a token that "
            + "may not record payments may not connect a provider that records them.";

    @Inject
    IntegrationService service;

    @Inject
    StripeImportService imports;


    @GET
    @Requires(value = Permission.WEBSITES_READ, website = WebsiteScope.PATH)
    @Operation(operationId = "listIntegrations", summary = "List the connected providers, never their secrets")
    @APIResponse(responseCode = "200", description = "The connected providers")
    @APIResponse(ref = "NotFound")
    public Envelope<IntegrationView> list(@PathParam("websiteId") String websiteId) {
        return Envelope.of(service.list(websiteId));
    }

    @PUT
    @Path("/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.WEBSITES_WRITE, also = Permission.PAYMENTS_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "connectIntegration", summary = "Connect a provider, or replace its signing secret",
            description = "The provider's webhooks to webhookPath are then verified with this secret and recorded. "
                    + "The secret is never returned, and is encrypted at rest when PAYMENTS_ENCRYPTION_KEY is set. "
                    + NEEDS_PAYMENTS_WRITE)
    @APIResponse(responseCode = "200", description = "The connected provider")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public Envelope<IntegrationView> put(@PathParam("websiteId") String websiteId,
            @Parameter(description = PROVIDER, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"stripe", "lemonsqueezy", "polar", "paddle"}))
            @PathParam("provider") String provider,
            @Valid @NotNull(message = "is required") SigningSecretRequest body) {
        return Envelope.of(service.put(websiteId, provider, body.signingSecret()));
    }

    @DELETE
    @Path("/{provider}")
    @Requires(value = Permission.WEBSITES_WRITE, also = Permission.PAYMENTS_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "removeIntegration", summary = "Disconnect a provider",
            description = "Its later webhooks get 404. " + NEEDS_PAYMENTS_WRITE)
    @APIResponse(responseCode = "200", description = "Disconnected")
    @APIResponse(ref = "NotFound")
    public Envelope<Disconnected> delete(@PathParam("websiteId") String websiteId,
            @Parameter(description = PROVIDER, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"stripe", "lemonsqueezy", "polar", "paddle"}))
            @PathParam("provider") String provider) {
        service.remove(websiteId, provider);
        return Envelope.of(new Disconnected("Integration removed", provider));
    }

    @GET
    @Path("/{provider}/deliveries")
    @Requires(value = Permission.WEBSITES_READ, website = WebsiteScope.PATH)
    @Operation(operationId = "listIntegrationDeliveries", summary = "List the provider's latest deliveries",
            description = "For troubleshooting: the last 1,000 verified deliveries of the provider to this website "
                    + "within 30 days, newest first, with the event's type and id, when it arrived, what became of it "
                    + "and the transaction it is about; never the body's personal data nor the secret. Deliveries "
                    + "that did not verify are not listed.")
    @APIResponse(responseCode = "200", description = "The deliveries, newest first")
    @APIResponse(ref = "NotFound")
    public Envelope<DeliveryView> deliveries(@PathParam("websiteId") String websiteId,
            @Parameter(description = PROVIDER, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"stripe", "lemonsqueezy", "polar", "paddle"}))
            @PathParam("provider") String provider) {
        return Envelope.of(service.deliveries(websiteId, provider));
    }

    @POST
    @Path("/stripe/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.WEBSITES_WRITE, also = Permission.PAYMENTS_WRITE, website = WebsiteScope.PATH)
    @Operation(operationId = "startStripeImport", summary = "Import the website's Stripe history",
            description = "Records every paid checkout session and "
                    + "invoice and every refund created since `since` (all history without it) as Stripe's webhooks "
                    + "would, under the same transaction ids, so nothing is recorded twice. Runs in the background; "
                    + "GET shows its progress. The key is used for this import only, never stored. Needs "
                    + "payments:write as well as websites:write: an import records payments.")
    @APIResponse(responseCode = "202", description = "The import, started")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    public RestResponse<Envelope<StripeImportView>> startStripeImport(@PathParam("websiteId") String websiteId,
            @Valid @NotNull(message = "is required") StripeImportRequest body) {
        return RestResponse.status(RestResponse.Status.ACCEPTED,
                Envelope.of(imports.start(websiteId, body)));
    }

    @GET
    @Path("/stripe/import")
    @Requires(value = Permission.WEBSITES_READ, website = WebsiteScope.PATH)
    @Operation(operationId = "getStripeImport", summary = "The website's latest Stripe import, running or ended")
    @APIResponse(responseCode = "200", description = "Its state and counts")
    @APIResponse(ref = "NotFound")
    public Envelope<StripeImportView> stripeImport(@PathParam("websiteId") String websiteId) {
        return Envelope.of(imports.latest(websiteId));
    }

    /** What a DELETE answers. */
    @Schema(name = "IntegrationRemoved")
    public record Disconnected(String message, String provider) {
    }
}
