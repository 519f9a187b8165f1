package dev.payments.fuzz;

import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of single JSON values as raw text: the values a field of a payment should never be trusted with. */
final class JsonValues {

    /** Hand-picked troublemakers: number edge cases, wrong types, malformed timestamps, invalid JSON tokens. */
    static final List<String> NASTY = List.of(
            "null", "true", "false", "0", "-0", "-0.0", "0.0e0", "1", "-1", "-0.00000001",
            "1e999999999", "-1e999999999", "1E-400", "1e-999999999", "1e+2147483648", "1e2147483647",
            "0.000000001", "0.00000001", "99999999999999999999999999", "999999999999.99999999", "1000000000000",
            "999999999999.999999999", "1e12", "1e15", "12345678901234567890.123456789", "1.5e300", "4.9e-324",
            "1.7976931348623157e308", "100000000000000000000000000000000000000000000000000000000000000000000e-60",
            "NaN", "Infinity", "-Infinity", "+1", ".5", "5.", "1.e5", "--1", "0x10", "0012", "1_000", "1,5",
            "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e999999999\"", "\"1E-400\"", "\"-0\"", "\" 12.5 \"",
            "\"0x1A\"", "\"1_000\"", "\"\\u0661\\u0662\"", "\"12.5\\u0000\"", "\"\"", "\" \"", "\"\\u0000\"",
            "\"\\t\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202e\"", "\"USD\"", "\"usd\"", "\"XXX\"",
            "\"\\u20ac\"", "\"US\"", "\"USDD\"", "[]", "[1]", "[null]", "{}", "{\"a\":1}", "{\"amount\":1}",
            "\"2026-02-30T00:00:00Z\"", "\"2026-05-19T12:00:00\"", "\"2026-05-19\"", "\"2026-05-19T25:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"1969-12-31T23:59:59.999999999Z\"", "\"9999-12-31T23:59:59.999999999Z\"", "\"294277-01-01T00:00:00Z\"",
            "\"2026-05-19T12:00:00+25:00\"", "\"2026-05-19T12:00:00Z\\u0000\"", "\"1747656000\"", "1747656000",
            "\"now\"", "\"2026-05-19 12:00:00Z\"", "\"\\n2026-05-19T12:00:00Z\"", "'single'", "undefined",
            "\"unterminated", "tru", "nul", "\"\\x41\"", "\"\\u12\"", "\"raw\u0001control\"", "\"tab\there\"");

    private JsonValues() {
    }

    /** Any value: mostly troublemakers, plus random numbers, strings and containers. */
    static Gen<String> any() {
        return Generate.frequency(List.of(
                Pair.of(6, Generate.pick(NASTY)),
                Pair.of(2, numbers()),
                Pair.of(2, strings().allPossible().ofLengthBetween(0, 300).map(text -> quoted(text))),
                Pair.of(1, longStrings()),
                Pair.of(1, nested())));
    }

    /** Numbers in every notation: exponents, long mantissas, tiny and huge scales, plain doubles. */
    static Gen<String> numbers() {
        Gen<String> scaled = bigIntegers().ofBytes(16).zip(integers().between(-400, 400),
                (unscaled, scale) -> new BigDecimal(unscaled, scale).toString());
        Gen<String> exponent = longs().all().zip(integers().all(), (mantissa, exp) -> mantissa + "e" + exp);
        return Generate.oneOf(scaled, exponent, doubles().any().map(d -> String.valueOf(d)),
                longs().all().map(l -> String.valueOf(l)), scaled.map(text -> quoted(text)));
    }

    /** Strings up to 10^5 characters: the longest fit the body cap and reach validation, the others are 413s. */
    static Gen<String> longStrings() {
        return Generate.pick(List.of(256, 1_000, 30_000, 60_000, 100_000))
                .zip(Generate.pick(List.of("a", "\\u0000", "\u00e9", "\\ud83d\\ude00", "1")),
                        (length, unit) -> quoted(unit.repeat(unit.startsWith("\\") ? length / 2 : length), false));
    }

    /** Arrays or objects nested up to 5,000 deep (Jackson's default limit is 1,000). */
    static Gen<String> nested() {
        return Generate.pick(List.of(2, 100, 999, 1_001, 5_000)).zip(Generate.booleans(),
                (depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    static String quoted(String text) {
        return quoted(text, true);
    }

    /** A JSON string literal; with {@code escape} false the text is taken as already escaped. */
    static String quoted(String text, boolean escape) {
        if (!escape) {
            return "\"" + text + "\"";
        }
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            } else if (c < 0x20 || Character.isSurrogate((char) c)) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }
}
