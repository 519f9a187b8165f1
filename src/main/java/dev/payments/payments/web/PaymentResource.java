package dev.payments.payments.web;

import dev.payments.account.access.Caller;
import dev.payments.account.access.Requires;
import dev.payments.account.access.WebsiteScope;
import dev.payments.account.credentials.Permission;
import dev.payments.payments.DeleteResult;
import dev.payments.payments.PaymentRequest;
import dev.payments.payments.PaymentService;
import dev.payments.payments.reading.Aliases;
import dev.payments.payments.reading.CsvExport;
import dev.payments.payments.reading.PaymentFilter;
import dev.payments.payments.reading.PaymentPage;
import dev.payments.payments.reading.PaymentQuery;
import dev.payments.payments.reading.TimeRange;
import dev.payments.payments.writing.CreateOutcome;
import dev.payments.platform.http.Envelope;
import dev.payments.platform.openapi.ApiDocs;
import dev.payments.platform.ratelimit.ExpensiveReads;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// AuthFilter reads @Requires from the resource methods, in the native image too
@RegisterForReflection(methods = true, fields = false)
@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Record, read and delete revenue events of a website")
public class PaymentResource {

    private static final String START_AT = "ISO 8601 instant with an offset; payments at or after it";
    private static final String END_AT = "ISO 8601 instant with an offset; payments at or before it";
    private static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    private static final MediaType CSV_UTF8 = CSV_TYPE.withCharset("UTF-8");

    @Inject
    PaymentService service;

    @Inject
    Caller caller;

    @Inject
    ExpensiveReads expensiveReads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.PAYMENTS_WRITE, website = WebsiteScope.QUERY, tracking = true)
    @Parameter(name = "websiteId", in = ParameterIn.QUERY, description = ApiDocs.WEBSITE_ID_QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "createPayment", summary = "Record a payment, refund, renewal or free trial",
            description = "Idempotent per transaction_id. 200 means the outcome is durably committed; the message "
                    + "says which outcome it was: recorded, free trial recorded, refund recorded, duplicate skipped, "
                    + "attributed to visitor, marked as refunded.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "payment", value = ApiDocs.PAYMENT_EXAMPLE),
            @ExampleObject(name = "refund", value = ApiDocs.REFUND_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "Recorded, or handled idempotently")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "UnsupportedMediaType")
    @RunOnVirtualThread // see docs/performance.md, "Creates on virtual threads"; reads keep the worker pool's bound
    public CreateResponse create(@Valid @NotNull(message = "is required") PaymentRequest body) throws SQLException {
        CreateOutcome outcome = service.record(caller.website(), body);
        return new CreateResponse(outcome.message(), body.transaction_id());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Requires(value = Permission.PAYMENTS_READ, website = WebsiteScope.QUERY)
    @Parameter(name = "websiteId", in = ParameterIn.QUERY, description = ApiDocs.WEBSITE_ID_QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "listPayments", summary = "Read payments back, newest first",
            description = "Filters combine with AND. Pass pagination.next_cursor as cursor to get the next page. With "
                    + "Accept: text/csv, every matching payment (no page limit; limit and cursor are ignored), streamed "
                    + "as RFC 4180 CSV with a header row of the JSON field names; cells that a spreadsheet would read "
                    + "as a formula are prefixed with a single quote.")
    @APIResponse(responseCode = "200", description = "A page of payments, or every matching payment as CSV",
            headers = @Header(name = "Content-Disposition", description = "With a CSV answer only: attachment; "
                    + "filename=\"payments.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentPage.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    public Response list(@QueryParam("transaction_id") String transactionId,
            @QueryParam("datafast_visitor_id") String visitorId,
            @QueryParam("customer_id") String customerId,
            @Parameter(description = START_AT) @QueryParam("startAt") String startAt,
            @Parameter(description = "Alias of startAt", deprecated = true) @QueryParam("start") String start,
            @Parameter(description = END_AT) @QueryParam("endAt") String endAt,
            @Parameter(description = "Alias of endAt", deprecated = true) @QueryParam("end") String end,
            @Parameter(description = "Payments per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        PaymentFilter filter = new PaymentFilter(transactionId, visitorId, customerId,
                TimeRange.parse(startAt, start, endAt, end));
        String websiteId = caller.website().id();
        if (!prefersCsv(headers)) {
            return Response.ok(service.list(websiteId, PaymentQuery.of(filter, limit, cursor)),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        expensiveReads.enterUntilResponseEnds(caller.credential().id(), request);
        CsvExport csv = new CsvExport(service.export(websiteId, filter));
        return Response.ok(csv, CSV_UTF8).header("Content-Disposition", "attachment; filename=\"payments.csv\"")
                .build();
    }

    /** Whether the client's Accept ranks CSV before JSON (JSON when it accepts both alike, or anything). */
    private static boolean prefersCsv(HttpHeaders headers) {
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            return false; // an Accept header that does not parse (empty, say) asks for nothing in particular
        }
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV_TYPE)) {
                return true;
            }
        }
        return false;
    }

    @DELETE
    @Requires(value = Permission.PAYMENTS_WRITE, website = WebsiteScope.QUERY)
    @Parameter(name = "websiteId", in = ParameterIn.QUERY, description = ApiDocs.WEBSITE_ID_QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "deletePayments", summary = "Delete payments",
            description = "By transaction_id (alias tx_id; other filters are then ignored; 404 if none), by "
                    + "datafast_visitor_id (optionally within startAt/endAt), or by a time range alone (both ends "
                    + "required). Only ever touches the caller's website.")
    @APIResponse(responseCode = "200", description = "What was deleted")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    public Envelope<DeleteResult> delete(@QueryParam("transaction_id") String transactionId,
            @Parameter(description = "Alias of transaction_id", deprecated = true) @QueryParam("tx_id") String txId,
            @QueryParam("datafast_visitor_id") String visitorId,
            @Parameter(description = START_AT) @QueryParam("startAt") String startAt,
            @Parameter(description = "Alias of startAt", deprecated = true) @QueryParam("start") String start,
            @Parameter(description = END_AT) @QueryParam("endAt") String endAt,
            @Parameter(description = "Alias of endAt", deprecated = true) @QueryParam("end") String end) {
        String transaction = Aliases.pick(transactionId, "transaction_id", txId, "tx_id");
        PaymentFilter filter = transaction != null ? new PaymentFilter(transaction, null, null, TimeRange.NONE)
                : new PaymentFilter(null, visitorId, null, TimeRange.parse(startAt, start, endAt, end));
        return Envelope.of(service.delete(caller.credential().id(), caller.website().id(), filter));
    }
}
