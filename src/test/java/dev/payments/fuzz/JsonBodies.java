package dev.payments.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Bodies for POST /api/v1/payments: a valid payment mutated field by field or byte by byte (so that many cases are
 * near-valid and reach validation and the database), and whole bodies that are not a payment at all.
 */
final class JsonBodies {

    record Body(String kind, byte[] bytes) {
    }

    static final List<String> FIELDS = List.of("amount", "currency", "transaction_id", "datafast_visitor_id", "email",
            "customer_email", "name", "customer_name", "customer_id", "renewal", "refunded", "is_free_trial",
            "timestamp");
    private static final List<String> UNKNOWN_FIELDS = List.of("id", "website_id", "websiteId", "created_at",
            "__proto__", "", "Amount", "amount ", "amount\\u0000", "\\uff41mount", "transaction_id\\t", "x".repeat(300));

    private JsonBodies() {
    }

    static Gen<Body> any() {
        return Generate.frequency(List.of(
                Pair.of(1, valid().map(fields -> new Body("body/valid", bytes(fields)))),
                Pair.of(5, fieldMutated()),
                Pair.of(3, byteMutated()),
                Pair.of(2, Generate.pick(StructuralBodies.ALL).map(body -> new Body("body/structural", body)))));
    }

    /** A valid payment with a fresh transaction id and a random selection of the optional fields. */
    static Gen<List<Entry<String, String>>> valid() {
        Gen<String> amount = Generate.pick(List.of("29.99", "0", "1", "123456.12345678", "\"42.50\"", "0.00000001",
                "999999999999.99999999", "1e2", "2.5E+1"));
        Gen<String> currency = Generate.pick(List.of("\"USD\"", "\"eur\"", "\"GBP\"", "\"JPY\"", "\"chf\""));
        Gen<String> optional = Generate.pick(List.of("datafast_visitor_id:\"3cff4252-fa96-4aec-8b1b-b6695e763b65\"",
                "email:\"jane@example.com\"", "customer_name:\"Jane Doe\"", "customer_id:\"cus_123\"",
                "renewal:true", "refunded:true", "is_free_trial:false", "timestamp:\"2025-03-03T10:00:00Z\"",
                "timestamp:\"2024-02-29T23:59:59.999+02:00\"", "name:\"J\\u00f6rg \\ud83d\\ude00\""));
        return amount.zip(currency, longs().all(), lists().of(optional).ofSizeBetween(0, 4),
                (a, c, tx, extras) -> {
                    List<Entry<String, String>> fields = new ArrayList<>();
                    fields.add(new SimpleEntry<>("amount", a));
                    fields.add(new SimpleEntry<>("currency", c));
                    fields.add(new SimpleEntry<>("transaction_id", "\"fz-" + Long.toHexString(tx) + "\""));
                    extras.stream().distinct().map(extra -> extra.split(":", 2))
                            .filter(kv -> fields.stream().noneMatch(f -> f.getKey().equals(kv[0])))
                            .forEach(kv -> fields.add(new SimpleEntry<>(kv[0], kv[1])));
                    return fields;
                });
    }

    private static Gen<Body> fieldMutated() {
        return valid().zip(lists().of(fieldOperation()).ofSizeBetween(1, 3), (fields, operations) -> {
            List<Entry<String, String>> mutated = new ArrayList<>(fields);
            operations.forEach(operation -> operation.apply(mutated));
            return new Body("body/field", bytes(mutated));
        });
    }

    /** Replace, remove, duplicate a field; add an unknown one; give two aliases different values. */
    private static Gen<UnaryOperator<List<Entry<String, String>>>> fieldOperation() {
        Gen<String> field = Generate.pick(FIELDS);
        return Generate.oneOf(
                field.zip(JsonValues.any(), (name, value) -> fields -> {
                    fields.removeIf(f -> f.getKey().equals(name));
                    fields.add(new SimpleEntry<>(name, value));
                    return fields;
                }),
                field.map(name -> fields -> {
                    fields.removeIf(f -> f.getKey().equals(name));
                    return fields;
                }),
                field.zip(JsonValues.any(), (name, value) -> fields -> {
                    fields.add(new SimpleEntry<>(name, value));
                    return fields;
                }),
                Generate.pick(UNKNOWN_FIELDS).zip(JsonValues.any(), (name, value) -> fields -> {
                    fields.add(new SimpleEntry<>(name, value));
                    return fields;
                }),
                Generate.pick(List.of("email", "name")).zip(Generate.booleans(), (alias, differ) -> fields -> {
                    fields.add(new SimpleEntry<>(alias, "\"a\""));
                    fields.add(new SimpleEntry<>("customer_" + alias, differ ? "\"b\"" : "\"a\""));
                    return fields;
                }));
    }

    private static Gen<Body> byteMutated() {
        return valid().zip(lists().of(ByteMutations.any()).ofSizeBetween(1, 4), (fields, operations) -> {
            byte[] body = bytes(fields);
            for (UnaryOperator<byte[]> operation : operations) {
                body = operation.apply(body);
            }
            return new Body("body/bytes", body);
        });
    }

    static byte[] bytes(List<Entry<String, String>> fields) {
        return fields.stream().map(f -> "\"" + f.getKey() + "\":" + f.getValue())
                .collect(Collectors.joining(",", "{", "}")).getBytes(StandardCharsets.UTF_8);
    }

    static Gen<Integer> position() {
        return integers().between(0, 10_000);
    }
}
