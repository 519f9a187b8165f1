package dev.payments.fuzz;

import static dev.payments.fuzz.FuzzRequest.ascii;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Changes to Authorization, Content-Type, Accept, X-Request-Id and a few other headers, as raw bytes. */
final class HeaderMutations {

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml",
            "application/json; charset=utf-16", "application/json; charset=latin1", "application/json; charset=bogus",
            "application/json;charset=\"", "application/*", "*/*", "application/json-patch+json",
            "application/vnd.api+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "APPLICATION/JSON", "application/json;;;", "application/json; charset=UTF-8", "json", "/", ";");
    private static final List<String> ACCEPTS = List.of("", "application/xml", "text/html", "*/*", "text/*",
            "application/json;q=0", "garbage", "application/json, text/plain;q=0.1", "image/png", ";q=");
    private static final List<String> REQUEST_IDS = List.of("", "ok-id", "a".repeat(64), "a".repeat(65),
            "<script>", "../..", "id with spaces", "id;drop table");
    private static final List<String> OTHER = List.of("Content-Encoding: gzip", "Content-Encoding: br",
            "X-Forwarded-For: garbage", "Accept-Charset: utf-16", "Accept-Encoding: gzip", "Origin: null",
            "X-HTTP-Method-Override: DELETE", "Cookie: datafast_visitor_id=\u00ff");

    private HeaderMutations() {
    }

    /** Credentials the cases may send besides garbage: the route's own key, a key of another website, a dft_. */
    record Keys(String own, String otherWebsite, String accountToken) {
    }

    static Gen<UnaryOperator<FuzzRequest>> any(Keys keys) {
        return lists().of(one(keys)).ofSizeBetween(1, 3).map(changes -> request -> {
            FuzzRequest changed = request;
            for (UnaryOperator<FuzzRequest> change : changes) {
                changed = change.apply(changed);
            }
            return changed;
        });
    }

    private static Gen<UnaryOperator<FuzzRequest>> one(Keys keys) {
        return Generate.oneOf(
                authorization(keys).map(value -> r -> r.withHeader("header/authorization", "Authorization", value)),
                values(CONTENT_TYPES).map(value -> r -> r.withHeader("header/content-type", "Content-Type", value)),
                values(ACCEPTS).map(value -> r -> r.withHeader("header/accept", "Accept", value)),
                values(REQUEST_IDS).map(value -> r -> r.withHeader("header/x-request-id", "X-Request-Id", value)),
                Generate.pick(OTHER).map(line -> r -> r.withHeader("header/other", line.split(": ")[0],
                        line.split(": ", 2)[1].getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static Gen<byte[]> authorization(Keys keys) {
        String own = keys.own();
        List<String> texts = List.of("", "Bearer", "Bearer ", "bearer " + own, "BEARER " + own,
                "Basic dXNlcjpwYXNz", "Bearer " + own + " " + own, "Bearer  " + own, "Bearer " + own + "\t",
                "Bearer " + own.substring(0, own.length() - 1), "Bearer " + own + "x", "Bearer df_", "Bearer dft_",
                "Bearer df_" + "0".repeat(43), "Bearer dft_" + "0".repeat(43), "Bearer " + "a".repeat(8_000),
                "Bearer " + own.toUpperCase(), "Bearer " + keys.otherWebsite(), "Bearer " + keys.accountToken(),
                "Token " + own, own);
        List<byte[]> values = new ArrayList<>();
        texts.forEach(text -> values.add(ascii(text)));
        values.add(null);
        return Generate.frequency(List.of(Pair.of(3, Generate.pick(values)),
                Pair.of(1, garbled("Bearer " + own))));
    }

    /** The texts, missing, or one of them with a control character or a non-ASCII byte inside. */
    private static Gen<byte[]> values(List<String> texts) {
        List<byte[]> values = new ArrayList<>();
        texts.forEach(text -> values.add(ascii(text)));
        values.add(null);
        return Generate.oneOf(Generate.pick(values), Generate.pick(texts).flatMap(HeaderMutations::garbled));
    }

    /** The text with one byte from 0x00..0xff (CR and LF aside, they end the header) put somewhere inside. */
    private static Gen<byte[]> garbled(String text) {
        return Generate.range(0, text.length()).zip(Generate.range(0, 255).map(b -> b == '\r' || b == '\n' ? 0x7f : b),
                (at, b) -> {
                    byte[] plain = ascii(text);
                    byte[] value = new byte[plain.length + 1];
                    System.arraycopy(plain, 0, value, 0, at);
                    value[at] = (byte) (int) b;
                    System.arraycopy(plain, at, value, at + 1, plain.length - at);
                    return value;
                });
    }
}
