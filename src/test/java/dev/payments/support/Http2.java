package dev.payments.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/2 clients for tests, over cleartext both ways a client can start it: by upgrading an HTTP/1.1 request (h2c, as
 * the JDK's HttpClient does by default) or with prior knowledge (Vert.x's client).
 */
public enum Http2 {

    UPGRADE {
        @Override
        public Reply send(String method, String pathAndQuery, String token, String json) throws Exception {
            // a new client each time: only a connection's first request is sent as an upgrade
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(TIMEOUT)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.version() == java.net.http.HttpClient.Version.HTTP_2,
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
    },

    PRIOR_KNOWLEDGE {
        @Override
        public Reply send(String method, String pathAndQuery, String token, String json) throws Exception {
            Vertx vertx = Vertx.vertx();
            try {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
                URI uri = URI.create(base());
                RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method))
                        .setHost(uri.getHost()).setPort(uri.getPort()).setURI(pathAndQuery)
                        .setTimeout(TIMEOUT.toMillis());
                if (token != null) {
                    options.putHeader("Authorization", "Bearer " + token);
                }
                if (json != null) {
                    options.putHeader("Content-Type", "application/json");
                }
                return client.request(options)
                        .compose(request -> json == null ? request.send() : request.send(Buffer.buffer(json)))
                        .compose(response -> response.body().map(body -> new Reply(response.statusCode(),
                                response.version() == HttpVersion.HTTP_2, response.getHeader("Content-Type"),
                                body.toString())))
                        .toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    };

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** One request; {@code json} null sends no body. */
    public abstract Reply send(String method, String pathAndQuery, String token, String json) throws Exception;

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** {@code http2}: whether the answer came over HTTP/2. */
    public record Reply(int status, boolean http2, String contentType, String body) {

        public JsonPath json() {
            return JsonPath.from(body);
        }
    }
}
