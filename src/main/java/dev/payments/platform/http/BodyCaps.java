package dev.payments.platform.http;

import dev.payments.platform.errors.HttpErrors;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one home of the caps on request bodies: {@link BodyPrefetch} and {@link RouteErrors} enforce them, and the
 * OpenAPI document states them (it is written at build time, so with the defaults). quarkus.http.limits.max-body-size
 * stays above the largest.
 */
@ConfigMapping(prefix = "payments.http.body-cap")
public interface BodyCaps {

    String STANDARD = "64 KiB";
    /** POST /api/v1/payments/batch takes up to 1,000 payments. */
    String BATCH = "1 MiB";
    String BATCH_PATH = "/api/v1/payments/batch";

    /** PAYMENTS_HTTP_BODY_CAP_STANDARD: the largest body, declared or counted as it arrives, of every other route. */
    @WithDefault(STANDARD)
    @WithConverter(BodySize.Reader.class)
    BodySize standard();

    /** PAYMENTS_HTTP_BODY_CAP_BATCH: the largest body of the batch route. */
    @WithDefault(BATCH)
    @WithConverter(BodySize.Reader.class)
    BodySize batch();

    /** The cap on the body of a request to this path. */
    default BodySize of(String path) {
        return BATCH_PATH.equals(path) ? batch() : standard();
    }

    /** The message of a failure the HTTP layer itself detects; a 413's names the request's cap. */
    default String messageOf(int status, HttpServerRequest request) {
        return status == 413 ? of(request.path()).tooLarge() : HttpErrors.messageOf(status, request);
    }
}
