package dev.payments.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated request, kept as raw bytes (the path as ISO-8859-1 text: one char a byte). {@code kind} names what was
 * fuzzed (e.g. "body/field"), for the status distribution and for reading a failure.
 */
record FuzzRequest(String kind, String method, String path, byte[] query, Map<String, byte[]> headers, byte[] body) {

    static final String PATH = "/api/v1/payments";

    /** A request with the key, a JSON content type and no query string; the generators then change parts of it. */
    static FuzzRequest of(String kind, String method, String key, byte[] body) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("Authorization", ascii("Bearer " + key));
        headers.put("Content-Type", ascii("application/json"));
        headers.put("Accept", ascii("application/json"));
        return new FuzzRequest(kind, method, PATH, new byte[0], headers, body);
    }

    FuzzRequest withPath(String kind, String path) {
        return new FuzzRequest(kind, method, path, query, headers, body);
    }

    FuzzRequest withQuery(String kind, byte[] query) {
        return new FuzzRequest(kind, method, path, query, headers, body);
    }

    /** Sets a header to the bytes, or removes it when they are null. */
    FuzzRequest withHeader(String kind, String name, byte[] value) {
        Map<String, byte[]> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new FuzzRequest(kind, method, path, query, changed, body);
    }

    /** Whether the Authorization header carries the key (in whatever garbled form the server may still accept). */
    boolean carries(String key) {
        return new String(headers.getOrDefault("Authorization", new byte[0]), StandardCharsets.ISO_8859_1)
                .contains(key);
    }

    /** Quarkus's default quarkus.http.limits.max-initial-line-length: a longer request line is a 414. */
    static final int MAX_REQUEST_LINE = 4_096;

    /**
     * The status Netty or Quarkus answer, bare, before any route or filter of the service runs (Quarkus offers no
     * hook there, see quarkusio/quarkus#55082), so that it cannot get the error shape; 0 for a request they pass on.
     * 414 for a request line over the limit; 400 for what is not valid HTTP/1.1: a control character in a header value
     * (RFC 9110 5.5) or a request-target that is no URI (RFC 3986).
     */
    int refusedByHttpLayerWith() {
        if (method.length() + path.length() + query.length + " ? HTTP/1.1".length() > MAX_REQUEST_LINE) {
            return 414;
        }
        return isMalformedHttp() ? 400 : 0;
    }

    private boolean isMalformedHttp() {
        for (byte[] value : headers.values()) {
            for (byte b : value) {
                if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7f) {
                    return true;
                }
            }
        }
        String target = path + "?" + new String(query, StandardCharsets.ISO_8859_1);
        if (target.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return true;
        }
        try {
            new URI(target);
            return false;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    byte[] head(String hostAndPort) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(ascii(method + " " + path));
        if (query.length > 0) {
            head.write('?');
            head.writeBytes(query);
        }
        head.writeBytes(ascii(" HTTP/1.1\r\nHost: " + hostAndPort + "\r\nContent-Length: " + body.length + "\r\n"));
        headers.forEach((name, value) -> {
            head.writeBytes(ascii(name + ": "));
            head.writeBytes(value);
            head.writeBytes(ascii("\r\n"));
        });
        head.writeBytes(ascii("\r\n"));
        return head.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** What a failure message shows: the request with its body cut to something readable. */
    @Override
    public String toString() {
        List<String> shownHeaders = new ArrayList<>();
        headers.forEach((name, value) -> shownHeaders.add(name + ": " + shown(value, 200)));
        return kind + ": " + method + " " + shown(ascii(path), 500)
                + (query.length > 0 ? "?" + shown(query, 500) : "") + " " + shownHeaders
                + " body(" + body.length + " bytes)=" + shown(body, 500);
    }

    private static String shown(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return bytes.length > max ? text + "...(" + (bytes.length - max) + " more)" : text.toString();
    }
}
