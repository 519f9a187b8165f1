package dev.payments.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payments.support.Csv;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The invariants every answer must keep: no 5xx; a JSON body (or CSV, from the list route to a client that prefers
 * it); an error in the contract's shape with error.code equal to the status and a message; a success in the route's
 * own shape. A request the HTTP layer refuses may get its bare
 * answer instead ({@link FuzzRequest#refusedByHttpLayerWith()}).
 */
record ResponseCheck(String successShape, Predicate<JsonNode> isSuccess, boolean mayAnswerCsv) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The columns of the CSV export: the fields of a payment in GET. */
    private static final int CSV_FIELDS = 16;

    static final ResponseCheck CREATE = new ResponseCheck("{message, transaction_id}", json ->
            isText(json.get("message")) && json.get("transaction_id") != null && json.get("transaction_id").isTextual()
                    && json.size() == 2, false);

    static final ResponseCheck LIST = new ResponseCheck("{status: success, data: [...], pagination}", json ->
            "success".equals(json.path("status").asText()) && json.path("data").isArray()
                    && json.path("pagination").path("limit").isInt()
                    && json.path("data").size() <= json.path("pagination").path("limit").asInt()
                    && (json.path("pagination").path("next_cursor").isNull()
                            || json.path("pagination").path("next_cursor").isTextual()), true);

    static final ResponseCheck DELETE = new ResponseCheck("{status: success, data: [{message, deleted}]}", json ->
            "success".equals(json.path("status").asText()) && json.path("data").size() == 1
                    && isText(json.path("data").path(0).get("message"))
                    && json.path("data").path(0).path("deleted").canConvertToLong()
                    && json.path("data").path(0).path("deleted").asLong() >= 0, false);

    static final ResponseCheck ENVELOPE = new ResponseCheck("{status: success, data: [...]}", json ->
            "success".equals(json.path("status").asText()) && json.path("data").isArray(), false);

    /** For requests that name nothing stored: any success is a failure. */
    static final ResponseCheck REFUSAL = new ResponseCheck("never: the request names nothing stored", json -> false,
            false);

    /** Fails with the request and the answer when an invariant is broken; returns the parsed body. */
    JsonNode check(FuzzRequest request, RawHttp.Response response) {
        int status = response.status();
        require(status < 500, "a 5xx", request, response);
        if (isRefusedByHttpLayer(request, response)) {
            return null;
        }
        String type = response.headers().getOrDefault("content-type", "");
        if (mayAnswerCsv && status == 200 && type.startsWith("text/csv")) {
            return csvRows(request, response);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        require(json != null && json.isObject(), "a body that is not a JSON object", request, response);
        if (status >= 200 && status < 300) {
            require(isSuccess.test(json), "a success not shaped " + successShape, request, response);
        } else {
            JsonNode error = json.path("error");
            require("error".equals(json.path("status").asText()) && error.path("code").asInt() == status
                    && isText(error.get("message")), "an error not in the contract's shape", request, response);
        }
        return json;
    }

    /**
     * A list answered as CSV (the client's Accept preferred it): a header row of the JSON field names, and its rows
     * handed on as {"data": [{"transaction_id": ...}]} for the checks that follow.
     */
    private static JsonNode csvRows(FuzzRequest request, RawHttp.Response response) {
        List<List<String>> rows = Csv.parse(response.text());
        require(!rows.isEmpty() && "transaction_id".equals(rows.get(0).get(0)) && rows.get(0).size() == CSV_FIELDS,
                "a CSV answer without its header row", request, response);
        ObjectNode json = JSON.createObjectNode();
        ArrayNode data = json.putArray("data");
        rows.stream().skip(1).forEach(row -> {
            require(row.size() == CSV_FIELDS, "a CSV row of " + row.size() + " fields", request, response);
            data.addObject().put("transaction_id", row.get(0));
        });
        return json;
    }

    /** The bare answer (no body, no Content-Type) of Netty or Quarkus to a request they refuse themselves. */
    static boolean isRefusedByHttpLayer(FuzzRequest request, RawHttp.Response response) {
        return response.status() == request.refusedByHttpLayerWith() && response.body().length == 0
                && !response.headers().containsKey("content-type");
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }

    private static void require(boolean holds, String what, FuzzRequest request, RawHttp.Response response) {
        if (!holds) {
            throw new AssertionError("got " + what + ": " + response.status() + " " + response.headers() + " "
                    + response.text().substring(0, Math.min(1_000, response.text().length())) + "\n  for " + request);
        }
    }
}
