package dev.payments.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Whole bodies that are not a payment object: other JSON types, other encodings, non-JSON, extremes of size. */
final class StructuralBodies {

    private static final String VALID = "{\"amount\":29.99,\"currency\":\"USD\",\"transaction_id\":\"fz-structural\"}";

    static final List<byte[]> ALL = all();

    private StructuralBodies() {
    }

    private static List<byte[]> all() {
        List<byte[]> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "\n\t ", "null", "[]", "{}", "\"payment\"", "123", "-0", "1e999999999",
                "true", "{} {}", VALID + "garbage", VALID + VALID, "[" + VALID + "]", VALID.replace("}", ",}"),
                "{/* comment */\"amount\":1,\"currency\":\"USD\",\"transaction_id\":\"fz-c\"}",
                "{'amount':1,'currency':'USD','transaction_id':'fz-q'}", "{amount:1,currency:\"USD\"}",
                "{\"amount\":1,\"currency\":\"USD\",\"transaction_id\":\"fz-dup\",\"amount\":2}",
                "{\"amount\":1,\"amount\":1,\"currency\":\"USD\",\"transaction_id\":\"fz-dup-same\"}",
                "{\"\":1}", "{\"amount\"}", "{\"amount\":}", "{\"amount\":1,,}", "{", "}", "[", "\u0000",
                VALID.replace("29.99", "[".repeat(5_000) + "]".repeat(5_000)),
                VALID.replace("29.99", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                "[".repeat(100_000), "{\"a\":".repeat(12_000), manyKeys(2_000), manyKeys(20_000),
                VALID.replace("29.99", "1" + "0".repeat(60_000)), VALID.replace("29.99", "0." + "0".repeat(60_000) + "1"),
                VALID.replace("29.99", "1" + "0".repeat(2_000) + "e-2000"),
                VALID.replace("fz-structural", "x".repeat(100_000)))) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        String named = VALID.replace("}", ",\"customer_name\":\"J\u00f6rg \u00c5ngstr\u00f6m\"}");
        bodies.add(named.getBytes(StandardCharsets.UTF_16));
        bodies.add(named.getBytes(StandardCharsets.UTF_16LE));
        bodies.add(named.getBytes(java.nio.charset.Charset.forName("UTF-32")));
        bodies.add(named.getBytes(StandardCharsets.ISO_8859_1));
        bodies.add(("\ufeff" + VALID).getBytes(StandardCharsets.UTF_8));
        return List.copyOf(bodies);
    }

    private static String manyKeys(int count) {
        StringBuilder body = new StringBuilder(VALID.substring(0, VALID.length() - 1));
        for (int i = 0; i < count; i++) {
            body.append(",\"k").append(i).append("\":").append(i);
        }
        return body.append('}').toString();
    }
}
