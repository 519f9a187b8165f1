package dev.payments.hostile;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that send a webhook's headers and then their body one byte at a time, as an attacker with one laptop
 * would: chunked, or with a declared length the bytes never reach.
 */
final class SlowBodies implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private int chunked;

    static SlowBodies open(String websiteId, int chunked, int declared) throws IOException {
        SlowBodies bodies = new SlowBodies();
        bodies.chunked = chunked;
        for (int i = 0; i < chunked + declared; i++) {
            Socket socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(30_000);
            bodies.sockets.add(socket);
            String framing = i < chunked ? "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n"
                    : "Content-Length: " + 40 * 1024 + "\r\n\r\n{";
            socket.getOutputStream().write(("POST /api/v1/webhooks/stripe/" + websiteId + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\n" + framing)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return bodies;
    }

    /** One more byte of body on every connection that is still open. */
    void trickle() {
        for (int i = 0; i < sockets.size(); i++) {
            byte[] next = (i < chunked ? "1\r\n \r\n" : " ").getBytes(StandardCharsets.US_ASCII);
            try {
                sockets.get(i).getOutputStream().write(next);
            } catch (IOException closedByTheServer) {
                // answered and closed already: nothing more to send
            }
        }
    }

    /** How many connections the service has answered with this status line and closed. */
    long answeredAndClosed(String statusLine) throws IOException {
        long count = 0;
        for (Socket socket : sockets) {
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (answer.startsWith(statusLine)) {
                count++;
            }
        }
        return count;
    }

    int size() {
        return sockets.size();
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
