package dev.payments.fuzz;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Query strings for the list and delete routes: known parameters with hostile values, in hostile encodings. */
final class QueryMutations {

    static final List<String> TIMESTAMPS = List.of("2024-06-01T00:00:00Z", "2024-01-01T00:00:00+02:00",
            "2024-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-30T00:00:00Z",
            "2024-06-01", "2024-06-01T00:00:00", "1717200000", "2024-06-01T00:00:00Z\u0000", " 2024-06-01T00:00:00Z ",
            "2024-06-01T00:00:00+18:00", "2024-06-01T00:00:00-18:00", "2024-06-01T00:00:00+19:00", "now");
    private static final List<String> LIMITS = List.of("0", "1", "100", "101", "-1", "1e2", "50.0", " 50", "0x10",
            "2147483648", "-2147483649", "99999999999999999999", "NaN", "", "\u0663", "+5", "00050", "5\u0000");
    private static final List<String> CURSOR_LAYOUTS = List.of("v1:0:0:0", "v1:-9223372036854775808:0:0",
            "v1:31556889864403199:999999999:9223372036854775807", "v1:9223372036854775807:0:1", "v1:1:-1:1",
            "v1:0:0:-1", "v1:1:1", "v2:1:1:1", "v1:a:b:c", "v1:99999999999999999999:0:0", "v1::::", "");
    private static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "%", "+", "&", "=", "#",
            "\u00e9", "\ud83d\ude00", "\ud800", "\u202e", "\t", "\u007f", "'; drop table payments; --", "*", "_%",
            "x".repeat(255), "x".repeat(256), "x".repeat(2_000), "null", "[]", "{}", "true", "1e999999999");
    private static final List<String> NAMES = List.of("transaction_id", "tx_id", "datafast_visitor_id",
            "customer_id", "startAt", "start", "endAt", "end", "limit", "cursor", "websiteId", "unknown", "",
            "transaction_id[]", "TRANSACTION_ID", "startat");

    private QueryMutations() {
    }

    /** {@code names}: ids that exist on the route's website, so that some cases match payments. */
    static Gen<byte[]> any(List<String> names, List<String> websiteIds) {
        Gen<Pair<String, String>> parameter = Generate.pick(NAMES).flatMap(name -> value(name, names, websiteIds)
                .map(value -> Pair.of(name, value)));
        return lists().of(parameter.zip(encoding(), QueryMutations::encoded)).ofSizeBetween(1, 5)
                .zip(Generate.pick(List.of("&", "&&", ";")), (parts, separator) -> {
                    ByteArrayOutputStream query = new ByteArrayOutputStream();
                    for (int i = 0; i < parts.size(); i++) {
                        query.writeBytes(i == 0 ? new byte[0] : separator.getBytes(StandardCharsets.US_ASCII));
                        query.writeBytes(parts.get(i));
                    }
                    return query.toByteArray();
                });
    }

    private static Gen<String> value(String name, List<String> names, List<String> websiteIds) {
        Gen<String> typical = switch (name.toLowerCase()) {
            case "startat", "start", "endat", "end" -> Generate.pick(TIMESTAMPS);
            case "limit" -> Generate.pick(LIMITS);
            case "cursor" -> Generate.oneOf(Generate.pick(CURSOR_LAYOUTS).map(QueryMutations::cursor),
                    strings().ascii().ofLengthBetween(0, 40));
            case "websiteid" -> Generate.pick(websiteIds);
            default -> Generate.pick(names);
        };
        return Generate.frequency(List.of(Pair.of(4, typical), Pair.of(2, Generate.pick(NASTY)),
                Pair.of(1, strings().allPossible().ofLengthBetween(0, 60))));
    }

    private static String cursor(String layout) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(layout.getBytes(StandardCharsets.US_ASCII));
    }

    enum Encoding { UTF8, LATIN1, RAW, BROKEN_PERCENT, NAME_ONLY }

    static Gen<Encoding> encoding() {
        // up to five parameters each: one in 35 broken keeps most queries valid HTTP that reaches the routes
        return Generate.frequency(List.of(Pair.of(30, Generate.constant(Encoding.UTF8)),
                Pair.of(2, Generate.constant(Encoding.LATIN1)), Pair.of(1, Generate.constant(Encoding.RAW)),
                Pair.of(1, Generate.constant(Encoding.BROKEN_PERCENT)),
                Pair.of(1, Generate.constant(Encoding.NAME_ONLY))));
    }

    private static byte[] encoded(Pair<String, String> parameter, Encoding encoding) {
        String name = URLEncoder.encode(parameter._1, StandardCharsets.UTF_8);
        String text = encoding == Encoding.NAME_ONLY ? name : name + "=" + encoded(parameter._2, encoding);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The value as the encoding writes it into a query or a path (NAME_ONLY: not at all). */
    static String encoded(String value, Encoding encoding) {
        return switch (encoding) {
            case UTF8 -> URLEncoder.encode(value, StandardCharsets.UTF_8);
            case LATIN1 -> URLEncoder.encode(value, StandardCharsets.ISO_8859_1);
            case RAW -> value;
            case BROKEN_PERCENT -> URLEncoder.encode(value, StandardCharsets.UTF_8) + "%" + "G1%e%%"
                    .substring(0, 1 + value.length() % 5);
            case NAME_ONLY -> "";
        };
    }
}
