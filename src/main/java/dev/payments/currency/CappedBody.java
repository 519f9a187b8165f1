package dev.payments.currency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap: a body that declares or turns out to be larger is abandoned as soon as
 * that is known (the exchange is cancelled), so a source never makes the service hold more than the cap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long cap;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(long cap, boolean declaredTooLarge) {
        this.cap = cap;
        this.declaredTooLarge = declaredTooLarge;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return response -> new CappedBody(cap, response.headers().firstValueAsLong("Content-Length").orElse(0) > cap);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredTooLarge) {
            abandon();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone()) {
                return;
            }
            if (bytes.size() + (long) buffer.remaining() > cap) {
                abandon();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void abandon() {
        subscription.cancel();
        body.completeExceptionally(new IOException("larger than the " + cap + " bytes allowed"));
    }
}
