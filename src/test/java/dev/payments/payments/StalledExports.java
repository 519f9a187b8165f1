package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** CSV exports whose client reads the answer's head and then nothing more. */
final class StalledExports {

    /**
     * Payments of about 4 KB each (four fields of 250 four-byte characters): 2,000 make an export of 8 MB, more than
     * the kernel's buffers on both ends of a loopback connection hold (4 MB at most on the server's side), so the
     * export cannot be written to the end while the client reads nothing.
     */
    private static final int PAYMENTS = 2_000;
    private static final int PER_BATCH = 100; // 400 KB, well under the batch route's 1 MiB cap
    private static final String WIDE = "\uD83D\uDE00".repeat(250);

    private StalledExports() {
    }

    static TestWebsite websiteWithALargeExport() {
        TestWebsite site = website();
        String fields = "\"amount\":29.99,\"currency\":\"USD\",\"customer_name\":\"" + WIDE
                + "\",\"customer_email\":\"" + WIDE + "\",\"customer_id\":\"" + WIDE + "\"}";
        for (int from = 0; from < PAYMENTS; from += PER_BATCH) {
            StringJoiner batch = new StringJoiner(",", "[", "]");
            for (int i = from; i < from + PER_BATCH; i++) {
                batch.add("{\"transaction_id\":\"" + WIDE + i + "\"," + fields);
            }
            // written here: JSON serializers escape each of these characters to twelve bytes
            as(site.key()).contentType(ContentType.JSON).body(batch.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/payments/batch").then().statusCode(200);
        }
        return site;
    }

    /** Asks for the website's export, reads the answer's head (200, CSV) and stops reading. */
    static Socket stall(TestWebsite site) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", RestAssured.port));
        socket.getOutputStream().write(("GET /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n"
                + "Authorization: Bearer " + site.key() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = head(socket.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 200") && head.toLowerCase().contains("content-type: text/csv"), head);
        return socket;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
