package dev.payments.revenue;

import dev.payments.account.access.Caller;
import dev.payments.account.access.Requires;
import dev.payments.account.access.WebsiteScope;
import dev.payments.account.credentials.Permission;
import dev.payments.platform.http.Envelope;
import dev.payments.platform.openapi.ApiDocs;
import dev.payments.platform.ratelimit.ExpensiveReads;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// AuthFilter reads @Requires from the resource methods, in the native image too
@RegisterForReflection(methods = true, fields = false)
@Path("/api/v1/revenue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revenue", description = "What the recorded payments add up to, in the website's reporting currency")
public class RevenueResource {

    @Inject
    RevenueService service;

    @Inject
    Caller caller;

    @Inject
    ExpensiveReads expensiveReads;

    @GET
    @Requires(value = Permission.PAYMENTS_READ, website = WebsiteScope.QUERY)
    @Parameter(name = "websiteId", in = ParameterIn.QUERY, description = ApiDocs.WEBSITE_ID_QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getRevenue", summary = "Revenue in total and over time",
            description = "new (payments that are not renewals) and renewal by payment time, refund by refund time, "
                    + "net = new + renewal - refund, in the website's reporting currency; payments whose conversion "
                    + "is pending are counted in pending and left out of the sums; free trials are counted, never "
                    + "summed. Buckets start at local midnight in the time zone (weeks on Monday, months on the 1st), "
                    + "daylight saving included; empty buckets are present with zeros. A key runs a few reports and CSV "
                    + "exports at a time (2 by default); one more gets 429 with Retry-After. A report that takes "
                    + "longer than its budget (11 s by default) is stopped and answered 503.")
    @APIResponse(responseCode = "200", description = "The revenue of the range")
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "NotFound")
    public Envelope<RevenueReport> revenue(
            @Parameter(description = "ISO 8601 instant with an offset; default: 30 days before endAt")
            @QueryParam("startAt") String startAt,
            @Parameter(description = "ISO 8601 instant with an offset, inclusive; default: now")
            @QueryParam("endAt") String endAt,
            @Parameter(description = "Bucket width; at most 1,000 buckets", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"hour", "day", "week", "month"}, defaultValue = "day"))
            @QueryParam("interval") String interval,
            @Parameter(description = "IANA time zone of the buckets; default: the website's",
                    schema = @Schema(type = SchemaType.STRING, examples = "Europe/Paris"))
            @QueryParam("timezone") String timezone,
            @Context ContainerRequestContext request) {
        RevenueQuery query = RevenueQuery.of(startAt, endAt, interval, timezone, caller.website().timezone(),
                Instant.now());
        try (ExpensiveReads.Place place = expensiveReads.enter(caller.credential().id(), request)) {
            return Envelope.of(service.report(caller.website(), query));
        }
    }
}
