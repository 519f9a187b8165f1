package dev.payments.platform.openapi;

import dev.payments.platform.errors.ErrorResponse;
import dev.payments.platform.http.BodyCaps;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's shared parts: bearer security and the error responses every route refers to. It is a JAX-RS
 * Application (with every resource, at the root) because that is where the OpenAPI scanner reads the definition.
 */
@OpenAPIDefinition(
        info = @Info(title = "Payments API", version = "1.0.0",
                contact = @Contact(name = "Payments API maintainers"),
                description = """
                        Self-hostable, DataFast-compatible Payments API: record payments, refunds, renewals and free \
                        trials, attributed to the visitor who paid; read them back; delete them on request.

                        Every /api/v1 route takes `Authorization: Bearer <token>`, with one of two kinds of token:

                        * a **`df_` website key** (website settings): payments of its own website only, \
                        `payments:write` and `payments:read`, nothing at the account level;
                        * a **`dft_` account token** (account settings): the permissions it was created with \
                        (`payments:write`, `payments:read`, `websites:read`, `websites:write`, `api-keys:read`, \
                        `api-keys:write`, or `*`; DataFast's `settings:read` and `settings:write` read and update \
                        websites) on all websites or a list of them; payment routes then need the `websiteId` query \
                        parameter.

                        Errors always have the shape \
                        `{"status":"error","error":{"code":400,"type":"...","message":"...","request_id":"..."}}`."""),
        security = @SecurityRequirement(name = ApiDocs.BEARER),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", description = "A df_ website key or a dft_ account token"),
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400", description = "Invalid request",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401",
                                description = "Missing, malformed, unknown or revoked token",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403",
                                description = "Permission missing, website not accessible, or tracking suspended",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "NotAcceptable", responseCode = "406",
                                description = "The Accept header excludes application/json",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "RequestTimeout", responseCode = "408",
                                description = "The body did not arrive whole within the body timeout (10 s by default)",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Conflict", responseCode = "409", description = "Conflicts with stored state",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "PayloadTooLarge", responseCode = "413", description = "Body over " + BodyCaps.STANDARD,
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                                description = "Body is not application/json",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "TooManyRequests", responseCode = "429",
                                description = "The token's rate limit is spent, or it has as many revenue reports or CSV "
                                        + "exports running as it may; retry after the Retry-After seconds",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "InternalError", responseCode = "500", description = "Server fault",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "ServiceUnavailable", responseCode = "503",
                                description = "Database unavailable, or too many request bodies arriving at once; retry after the "
                                        + "Retry-After seconds",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorResponse.class)))}))
public class ApiDocs extends Application {

    public static final String BEARER = "bearer";

    public static final String WEBSITE_ID_QUERY = "The website to act on: required with a dft_ account token; "
            + "with a df_ website key it may be omitted, and must name the key's own website if given";

    public static final String PAYMENT_EXAMPLE = """
            {"amount": 29.99, "currency": "USD", "transaction_id": "payment_456",
             "datafast_visitor_id": "3cff4252-fa96-4fec-8b1b-b5695e763b65",
             "email": "customer@example.com", "name": "Jane Doe", "customer_id": "cus_123",
             "renewal": false, "timestamp": "2026-05-19T12:00:00Z"}""";

    public static final String REFUND_EXAMPLE = """
            {"amount": 29.99, "currency": "USD", "transaction_id": "payment_456", "refunded": true}""";
}
