package dev.payments.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What one client may hold of the service before its request is authenticated: time and memory. */
@ConfigMapping(prefix = "payments.http")
public interface HttpLimits {

    /** PAYMENTS_HTTP_BODY_TIMEOUT: a body not wholly arrived this long after its headers gets 408, its connection closed. */
    @WithDefault("10S")
    Duration bodyTimeout();

    /** PAYMENTS_HTTP_PENDING_BODY_BYTES: the bytes of bodies still arriving, over all connections of an instance. */
    @WithDefault("32M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize pendingBodyBytes();

    /**
     * PAYMENTS_HTTP_PENDING_BODY_BYTES_PER_CONNECTION: the same for one connection (an HTTP/2 connection carries many
     * requests at once); at least the largest body a route takes.
     */
    @WithDefault("2M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize pendingBodyBytesPerConnection();
}
