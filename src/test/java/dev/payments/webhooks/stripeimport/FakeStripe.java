package dev.payments.webhooks.stripeimport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Stripe's list API (GET /v1/invoices, /v1/checkout/sessions, /v1/refunds) on loopback, as Stripe
 * documents it: {"object":"list","url","has_more","data"} pages of at most {@code limit} objects, newest first, after
 * {@code starting_after}, filtered by {@code created[gte]}; a refund's charge is an id unless
 * {@code expand[]=data.charge} asks for the object; errors as {"error":{"type","message"}}. Each test has an account of
 * its own, found by its API key, so tests share nothing.
 *
 * <p>The test profile starts it before the application, from a class loader other than the tests' (and each restart
 * of the application may load the tests anew): tests therefore set their accounts up over HTTP, under /_fake/, at the
 * address the profile published as a system property.
 */
final class FakeStripe {

    private static final String BASE = "test.fake-stripe.base";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CONTROL = HttpClient.newHttpClient();
    private static final Map<String, State> ACCOUNTS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private FakeStripe() {
    }

    /**
     * Where the fake answers: started once in the JVM, by the first class loader that asks (the test profile may be
     * asked from more than one), and published as a system property for the others.
     */
    static synchronized String apiBase() {
        String published = System.getProperty(BASE);
        if (published != null) {
            return published;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/", FakeStripe::answer);
        server.createContext("/_fake/", FakeStripe::control);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty(BASE, base);
        return base;
    }

    /** A new account of the fake, known by its API key. */
    static Account account(String apiKey) {
        Account account = new Account(apiKey);
        account.call("create", "");
        return account;
    }

    /** A test's handle on its account, over HTTP. */
    static final class Account {

        private final String key;

        private Account(String key) {
            this.key = key;
        }

        /** Adds objects to the list at the path, newest first. */
        Account with(String path, ObjectNode... newestFirst) {
            ArrayNode objects = JSON.createArrayNode().addAll(List.of(newestFirst));
            call("list?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), objects.toString());
            return this;
        }

        /** The next request is answered with this status. */
        Account fault(int status) {
            call("fault?status=" + status, "");
            return this;
        }

        /** Every request from now on is answered with this status. */
        void alwaysFailWith(int status) {
            call("always?status=" + status, "");
        }

        /** Requests wait until {@link #release()}. */
        void holdRequests() {
            call("hold", "");
        }

        void release() {
            call("release", "");
        }

        /** Every request's path and query, as received. */
        List<String> requests() {
            try {
                return JSON.readValue(call("requests", ""), new TypeReference<List<String>>() {
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String call(String what, String body) {
            URI uri = URI.create(System.getProperty(BASE) + "/_fake/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                    + "/" + what);
            try {
                HttpResponse<String> response = CONTROL.send(HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the fake answered " + response.statusCode() + " to " + uri);
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One account's objects, per list path (newest first), and what goes wrong when it is read. */
    private static final class State {

        final Map<String, List<ObjectNode>> lists = new ConcurrentHashMap<>();
        final Queue<Integer> faults = new ConcurrentLinkedQueue<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile int alwaysFailWith;
        volatile CountDownLatch hold;
    }

    private static void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String key = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
            Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
            State state = "create".equals(path[3]) ? ACCOUNTS.computeIfAbsent(key, k -> new State()) : ACCOUNTS.get(key);
            String answer = "";
            switch (path[3]) {
                case "list" -> {
                    List<ObjectNode> objects = JSON.readValue(exchange.getRequestBody(),
                            new TypeReference<List<ObjectNode>>() {
                            });
                    state.lists.computeIfAbsent(parameters.get("path"), p -> new CopyOnWriteArrayList<>())
                            .addAll(objects);
                }
                case "fault" -> state.faults.add(Integer.parseInt(parameters.get("status")));
                case "always" -> state.alwaysFailWith = Integer.parseInt(parameters.get("status"));
                case "hold" -> state.hold = new CountDownLatch(1);
                case "release" -> state.hold.countDown();
                case "requests" -> answer = JSON.writeValueAsString(state.requests);
                default -> {
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String key = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
            State account = ACCOUNTS.get(key);
            if (account == null) {
                error(exchange, 401, "invalid_request_error", "Invalid API Key provided: " + key);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            account.requests.add(exchange.getRequestURI().getPath() + "?" + query);
            CountDownLatch hold = account.hold;
            if (hold != null && !hold.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            Integer fault = account.faults.poll();
            int status = fault != null ? fault : account.alwaysFailWith;
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                error(exchange, 429, "invalid_request_error", "Request rate limit exceeded.");
            } else if (status != 0) {
                // Stripe's messages may name the key, as this one does: the import must not repeat it
                error(exchange, status, "api_error", "Something went wrong with key " + key);
            } else {
                send(exchange, 200, page(exchange.getRequestURI().getPath(), parameters(query), account));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode page(String path, Map<String, String> parameters, State account) {
        long since = Long.parseLong(parameters.getOrDefault("created[gte]", "0"));
        boolean expandCharge = "data.charge".equals(parameters.get("expand[]"));
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode object : account.lists.getOrDefault(path, List.of())) {
            if (object.path("created").asLong() >= since) {
                matching.add(object);
            }
        }
        int from = 0;
        String after = parameters.get("starting_after");
        if (after != null) {
            from = 1 + matching.stream().map(o -> o.path("id").asText()).toList().indexOf(after);
        }
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "10"));
        int to = Math.min(matching.size(), from + limit);
        ArrayNode data = JSON.createArrayNode();
        for (ObjectNode object : matching.subList(from, to)) {
            ObjectNode copy = object.deepCopy();
            if (copy.path("charge").isObject() && !expandCharge) {
                copy.put("charge", copy.path("charge").path("id").asText());
            }
            data.add(copy);
        }
        ObjectNode page = JSON.createObjectNode().put("object", "list").put("url", path);
        page.put("has_more", to < matching.size());
        page.set("data", data);
        return page;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("type", type).put("message", message);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_fake");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
