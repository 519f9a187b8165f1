package dev.payments.payments;

import static dev.payments.payments.StalledExports.stall;
import static dev.payments.payments.StalledExports.websiteWithALargeExport;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.payments.web.CsvExportWriter;
import dev.payments.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An export whose client stops reading is ended, and its connection closed, once the write deadline passes. */
@QuarkusTest
@TestProfile(ExportWriteDeadlineTest.ShortWriteDeadline.class)
class ExportWriteDeadlineTest {

    public static class ShortWriteDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.export.write-timeout", "1s");
        }
    }

    @Test
    void shouldCloseTheConnectionOfAnExportWhoseClientStopsReading() throws Exception {
        try (LogCapture log = LogCapture.of(CsvExportWriter.class.getName());
                Socket socket = stall(websiteWithALargeExport())) {
            assertTrue(log.await(Duration.ofSeconds(20), line -> line.message().contains("closed")),
                    "no export was ended");
            socket.setSoTimeout(10_000);
            assertTrue(endsWithin(socket.getInputStream()), "the connection is still open");
        }
    }

    /**
     * Reads what the kernel still holds: true when the connection then ends (end of stream or a reset), false when
     * nothing comes for the socket's timeout.
     */
    private static boolean endsWithin(InputStream in) throws IOException {
        byte[] buffer = new byte[65_536];
        try {
            while (in.read(buffer) >= 0) {
                // what the server sent before it closed the connection
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
