package dev.payments.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over one kept-alive socket: it sends the request line, headers and body as the
 * bytes it is given (control characters, non-UTF-8, malformed percent-encoding), which java.net.http and REST Assured
 * refuse or normalize. A server that does not answer within {@link #TIMEOUT_MILLIS} fails the case as a hang.
 */
final class RawHttp implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 15_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    record Response(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response send(FuzzRequest request) {
        try {
            connectIfClosed();
            OutputStream out = socket.getOutputStream();
            out.write(request.head(host + ":" + port));
            out.write(request.body());
            out.flush();
            Response response = read();
            // Netty drops the connection after refusing a malformed request with a bare 400
            if ("close".equalsIgnoreCase(response.headers().get("connection"))
                    || !response.headers().containsKey("content-type")) {
                close();
            }
            return response;
        } catch (SocketTimeoutException e) {
            close();
            throw new AssertionError("no answer within " + TIMEOUT_MILLIS + " ms (a hang) to " + request, e);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("connection failed on " + request, e);
        }
    }

    private void connectIfClosed() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
    }

    private Response read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return new Response(Integer.parseInt(parts[1]), headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers carry nothing the checks need
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
            socket = null;
        }
    }
}
