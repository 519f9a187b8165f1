package dev.payments.webhooks;

import dev.payments.account.access.SignedByProvider;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.ClientAddress;
import dev.payments.platform.ratelimit.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks/{provider}/{websiteId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provider webhooks", description = "Payments, renewals, refunds and trials sent by Stripe, Lemon Squeezy, "
        + "Polar or Paddle themselves, verified by their signatures")
public class WebhookResource {

    @Inject
    WebhookService service;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    @POST
    // the raw bytes: the signature is over the body exactly as sent, so nothing may parse and re-serialize it first
    @Consumes(MediaType.WILDCARD)
    @SignedByProvider
    @SecurityRequirements
    @Operation(operationId = "receiveWebhook", summary = "Receive a provider's webhook",
            description = "No bearer token: the provider's own signature (Stripe-Signature; X-Signature for Lemon "
                    + "Squeezy; webhook-id, webhook-timestamp and webhook-signature for Polar; Paddle-Signature) "
                    + "with the signing secret connected for the website; a timestamp older than 5 minutes is refused. "
                    + "A verified event answers 200: the message and transaction_id a POST /api/v1/payments would have "
                    + "answered, or \"Event ignored\" with the event type (and the reason when the event could not be "
                    + "recorded). Each event is processed once: a delivery of an event already processed in the last "
                    + "30 days (Stripe's event id, Polar's webhook-id, Paddle's notification_id, Lemon Squeezy's "
                    + "body), or about a payment deleted through DELETE /api/v1/payments in the last 30 days, answers "
                    + "\"Event ignored\" with the reason and changes nothing. A delivery that fails with a server "
                    + "error is processed again when the provider retries it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The provider's event, as it sends it")))
    @APIResponse(responseCode = "200", description = "Verified: recorded, or ignored")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PayloadTooLarge")
    public WebhookAnswer receive(
            @Parameter(description = "stripe, lemonsqueezy, polar or paddle", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"stripe", "lemonsqueezy", "polar", "paddle"}))
            @PathParam("provider") String provider,
            @PathParam("websiteId") String websiteId, @Context HttpHeaders headers, byte[] body,
            @Context HttpServerRequest http) throws SQLException {
        // deliveries that name no connected provider or do not verify count as unknown tokens do: an address that
        // sends many gets 429 before its next body is read (WebhookAdmission)
        String address = clientAddress.of(http);
        try {
            return service.receive(provider, websiteId, headers.getRequestHeaders(), body);
        } catch (ApiException e) {
            if (e.status() == 404 || e.status() == 400) {
                rateLimits.unknownToken(address);
            }
            throw e;
        }
    }
}
