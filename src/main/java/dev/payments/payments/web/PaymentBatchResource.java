package dev.payments.payments.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.account.access.Caller;
import dev.payments.account.access.Requires;
import dev.payments.account.access.WebsiteScope;
import dev.payments.account.credentials.Permission;
import dev.payments.payments.PaymentRequest;
import dev.payments.payments.PaymentService;
import dev.payments.payments.writing.BatchOutcome;
import dev.payments.payments.writing.Positioned;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.Failure;
import dev.payments.platform.http.BodyCaps;
import dev.payments.platform.http.Envelope;
import dev.payments.platform.openapi.ApiDocs;
import dev.payments.platform.ratelimit.RateLimits;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// AuthFilter reads @Requires from the resource methods, in the native image too
@RegisterForReflection(methods = true, fields = false)
@Path("/api/v1/payments/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentBatchResource {

    static final int MAX_ITEMS = 1000;

    @Inject
    PaymentService service;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    @Inject
    RateLimits rateLimits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.PAYMENTS_WRITE, website = WebsiteScope.QUERY, tracking = true)
    @Parameter(name = "websiteId", in = ParameterIn.QUERY, description = ApiDocs.WEBSITE_ID_QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "createPayments", summary = "Record up to 1,000 payments at once (backfilling history)",
            description = "Each item exactly as POST /api/v1/payments takes it, and stored exactly as if posted alone "
                    + "(same outcomes, idempotency, concurrency guarantees). The answer has one item per input, in "
                    + "order: the message and transaction_id a POST would have answered, or the item's error (it "
                    + "stores nothing and does not stop the others). Each item counts against the rate limit. Body "
                    + "cap " + BodyCaps.BATCH + ".")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentRequest.class, minItems = 1,
                    maxItems = MAX_ITEMS)))
    @APIResponse(responseCode = "200", description = "One outcome per item, in order")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    @RunOnVirtualThread // as a single create
    public Envelope<BatchItem> create(JsonNode body, @Context ContainerRequestContext request) throws SQLException {
        if (body == null || !body.isArray() || body.isEmpty() || body.size() > MAX_ITEMS) {
            throw ApiException.badRequest("request body must be a JSON array of 1 to " + MAX_ITEMS + " payments");
        }
        // the request itself was counted already
        rateLimits.admit(caller.credential().id(), request, body.size() - 1L);
        BatchItem[] items = new BatchItem[body.size()];
        PaymentRequest[] requests = new PaymentRequest[body.size()];
        List<Positioned<PaymentRequest>> valid = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                requests[i] = json.treeToValue(body.get(i), PaymentRequest.class);
                Set<ConstraintViolation<PaymentRequest>> violations = validator.validate(requests[i]);
                if (violations.isEmpty()) {
                    valid.add(new Positioned<>(i, requests[i]));
                } else {
                    items[i] = BatchItem.failed(i, Failure.of(violations));
                }
            } catch (JsonProcessingException e) {
                items[i] = BatchItem.failed(i, Failure.of(e, "item"));
            }
        }
        for (Positioned<BatchOutcome> outcome : service.recordAll(caller.website(), valid)) {
            int index = outcome.index();
            items[index] = BatchItem.of(index, requests[index].transaction_id(), outcome.item());
        }
        return Envelope.of(List.of(items));
    }
}
