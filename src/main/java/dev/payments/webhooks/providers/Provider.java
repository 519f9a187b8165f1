package dev.payments.webhooks.providers;

import dev.payments.platform.errors.ApiException;
import java.util.Arrays;

/** The payment providers whose webhooks the service receives, by their name in URLs. */
public enum Provider {
    STRIPE("stripe", new StripeEvents()),
    LEMON_SQUEEZY("lemonsqueezy", new LemonSqueezyEvents()),
    POLAR("polar", new PolarEvents()),
    PADDLE("paddle", new PaddleEvents());

    private final String wire;
    private final ProviderEvents events;

    Provider(String wire, ProviderEvents events) {
        this.wire = wire;
        this.events = events;
    }

    public String wire() {
        return wire;
    }

    public ProviderEvents events() {
        return events;
    }

    /** The provider a URL names; 404 for any other name. */
    public static Provider of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown provider " + wire
                        + "; expected stripe, lemonsqueezy, polar or paddle"));
    }
}
