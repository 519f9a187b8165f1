package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file source, for an operator without internet access: a file: URL or a plain path, within the size cap. */
class RateSourcesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    @Test
    void shouldReadAFileGivenAsAPlainPath() throws IOException {
        Path file = sample();
        List<DailyRates> days = RateSources.read(file.toString(), TIMEOUT, Files.size(file));
        assertEquals(LocalDate.parse("2023-02-21"), days.getFirst().date());
    }

    @Test
    void shouldReadAFileGivenAsAFileUrl() throws IOException {
        Path file = sample();
        assertEquals(4, RateSources.read(file.toUri().toString(), TIMEOUT, Files.size(file)).size());
    }

    @Test
    void shouldRefuseAFileLargerThanTheCap() throws IOException {
        Path file = sample();
        IOException failure = assertThrows(IOException.class,
                () -> RateSources.read(file.toString(), TIMEOUT, Files.size(file) - 1));
        assertTrue(failure.getMessage().contains("bytes allowed"), failure.getMessage());
    }

    private Path sample() throws IOException {
        Path file = folder.resolve("eurofxref-hist.xml");
        try (InputStream xml = RateSourcesTest.class.getClassLoader().getResourceAsStream("rates/ecb-sample.xml")) {
            Files.copy(xml, file);
        }
        return file;
    }
}
