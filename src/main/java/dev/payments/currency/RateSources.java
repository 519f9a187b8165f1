package dev.payments.currency;

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

/** Reads rates in ECB's XML format from where the configuration points: an http(s) URL, a file, the bundled history. */
final class RateSources {

    /** ECB's full history to 2023-02-21, as carried by the moneta-convert-ecb artifact. */
    static final String BUNDLED_HISTORY = "org/javamoney/moneta/convert/ecb/defaults/eurofxref-hist.xml";
    /** What that file holds (a test checks): enough to tell whether the table has it without parsing 7 MB. */
    static final LocalDate BUNDLED_LAST_DAY = LocalDate.of(2023, 2, 21);
    static final long BUNDLED_RATES = 193_655;
    static final String NONE = "none";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

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

    static List<DailyRates> read(String source) throws IOException {
        URI uri = URI.create(source.trim());
        if ("file".equals(uri.getScheme())) {
            try (InputStream xml = Files.newInputStream(Path.of(uri))) {
                return EcbXml.parse(xml);
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream xml = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(source + " answered HTTP " + response.statusCode());
                }
                return EcbXml.parse(xml);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + source, e);
        }
    }
}
