package dev.payments.currency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Reads rates in ECB's XML format from where the configuration points: an http(s) URL, a file (a file: URL or a path),
 * the bundled history.
 */
final class RateSources {

    /** ECB's full history to 2023-02-21, as carried by the moneta-convert-ecb artifact. */
    static final String BUNDLED_HISTORY = "org/javamoney/moneta/convert/ecb/defaults/eurofxref-hist.xml";
    /** What that file holds (a test checks): enough to tell whether the table has it without parsing 7 MB. */
    static final LocalDate BUNDLED_LAST_DAY = LocalDate.of(2023, 2, 21);
    static final long BUNDLED_RATES = 193_655;
    static final String NONE = "none";
    /** What a URL starts with; a source that does not (two letters at least: C:\ is a drive) is a path. */
    private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

    private RateSources() {
    }

    static List<DailyRates> bundledHistory() throws IOException {
        try (InputStream xml = RateSources.class.getClassLoader().getResourceAsStream(BUNDLED_HISTORY)) {
            if (xml == null) {
                throw new IOException("the bundled rate history " + BUNDLED_HISTORY + " is missing");
            }
            return EcbXml.parse(xml);
        }
    }

    /**
     * {@code timeout}: for the whole exchange with an http(s) source, its body included; {@code maxBytes}: the most
     * read from any source, a larger one is abandoned unread or as soon as it passes the cap.
     */
    static List<DailyRates> read(String source, Duration timeout, long maxBytes) throws IOException {
        String location = source.trim();
        if (location.startsWith("file:") || !URL_SCHEME.matcher(location).lookingAt()) {
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            if (Files.size(file) > maxBytes) {
                throw new IOException(file + " is larger than the " + maxBytes + " bytes allowed");
            }
            try (InputStream xml = Files.newInputStream(file)) {
                return EcbXml.parse(xml);
            }
        }
        URI uri = URI.create(location);
        // a client per read (a few times a day): nothing of it outlives the read, or is built into a native image
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), CappedBody.handler(maxBytes));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IOException(source + " answered HTTP " + response.statusCode());
            }
            return EcbXml.parse(new ByteArrayInputStream(response.body()));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(source + " did not send its rates within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException(source + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + source, e);
        }
    }
}
