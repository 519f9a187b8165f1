package dev.payments.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
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
 */
final class FakeStripe {

    private static final String PORT = "test.fake-stripe.port";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Account> ACCOUNTS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private FakeStripe() {
    }

    /**
     * Where the fake answers. The test profile asks before the application starts, from a class loader other than the
     * tests': the port is chosen then and kept in a system property, and the tests' copy of this class serves it.
     */
    static String apiBase() {
        String port = System.getProperty(PORT);
        if (port == null) {
            try (ServerSocket free = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                port = String.valueOf(free.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT, port);
        }
        return "http://127.0.0.1:" + port;
    }

    private static synchronized void serve() {
        if (server == null) {
            apiBase();
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        Integer.parseInt(System.getProperty(PORT))), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/v1/", FakeStripe::answer);
            server.start();
        }
    }

    /** A new account, whose objects and faults are set through what this returns. */
    static Account account(String apiKey) {
        serve();
        Account account = new Account();
        ACCOUNTS.put(apiKey, account);
        return account;
    }

    /** One Stripe account's objects, per list path (newest first), and what goes wrong when it is read. */
    static final class Account {

        final Map<String, List<ObjectNode>> lists = new ConcurrentHashMap<>();
        /** Statuses answered, one each, before the next requests are served. */
        final Queue<Integer> faults = new ConcurrentLinkedQueue<>();
        /** Every request's path and query, as received. */
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile int alwaysFailWith;
        volatile CountDownLatch hold;

        Account with(String path, ObjectNode... newestFirst) {
            lists.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).addAll(List.of(newestFirst));
            return this;
        }

        /** Requests wait until {@link #release()}. */
        void holdRequests() {
            hold = new CountDownLatch(1);
        }

        void release() {
            hold.countDown();
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String key = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
            Account account = ACCOUNTS.get(key);
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

    private static ObjectNode page(String path, Map<String, String> parameters, Account account) {
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
