package dev.payments.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay from a local port to the test database. Before it opens and after it closes, nothing listens on that port
 * and the connections it relayed are cut: to the application, the database is unreachable. While it is stalled, it
 * forwards nothing in either direction yet keeps every connection open and accepts new ones: to the application, the
 * database has gone silent, as across a network that drops packets. It can go silent at a chosen moment of the
 * conversation: when the application sends given bytes (a transaction id in an insert), which it then holds back, so
 * that the statement carrying them is in flight, unanswered, when the silence starts.
 */
public final class TcpGate implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object forwarding = new Object();
    private final AtomicInteger acceptedWhileStalled = new AtomicInteger();
    private boolean stalled;
    private byte[] stallMarker;
    private long stalledAt;

    private TcpGate(int port, int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts relaying localhost:port to localhost:targetPort. */
    public static TcpGate open(int port, int targetPort) {
        try {
            return new TcpGate(port, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops forwarding, in both directions, on every connection; new ones are accepted and not forwarded either. */
    public void stall() {
        synchronized (forwarding) {
            stallNow();
        }
    }

    /**
     * Stalls as {@link #stall()} does, but only once the application sends the text (ASCII) to the database: the
     * bytes carrying it are held back with everything else.
     */
    public void stallWhenSent(String text) {
        synchronized (forwarding) {
            stallMarker = text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Waits until the relay has gone silent; returns when it did (System.nanoTime()). */
    public long awaitStalled(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (forwarding) {
            for (long left = patience.toNanos(); !stalled; left = deadline - System.nanoTime()) {
                if (left <= 0) {
                    throw new IllegalStateException("the relay did not go silent within " + patience);
                }
                forwarding.wait(Math.max(1, left / 1_000_000));
            }
            return stalledAt;
        }
    }

    /** Connections the application opened while the relay was silent (accepted, never answered). */
    public int acceptedWhileStalled() {
        return acceptedWhileStalled.get();
    }

    /** Forwards again, starting with what was held back. */
    public void resume() {
        synchronized (forwarding) {
            stalled = false;
            stallMarker = null;
            forwarding.notifyAll();
        }
    }

    @Override
    public void close() {
        resume();
        closeQuietly(server);
        sockets.forEach(TcpGate::closeQuietly);
        sockets.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (isStalled()) {
                    acceptedWhileStalled.incrementAndGet();
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                relay(client, upstream, true);
                relay(upstream, client, false);
            } catch (IOException e) {
                // closed, or one connection failed: the loop condition decides
            }
        }
    }

    private void relay(Socket from, Socket to, boolean fromApplication) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                byte[] tail = new byte[0]; // the end of the previous chunk: a marker may straddle two
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (fromApplication) {
                        tail = stallIfMarked(tail, buffer, read);
                    }
                    awaitForwarding();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed, or the gate did
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-gate-relay");
        pump.setDaemon(true);
        pump.start();
    }

    /** Stalls when the marker is in the tail and chunk together; returns the new tail. */
    private byte[] stallIfMarked(byte[] tail, byte[] chunk, int length) {
        synchronized (forwarding) {
            byte[] marker = stallMarker;
            if (marker == null) {
                return tail;
            }
            byte[] seen = Arrays.copyOf(tail, tail.length + length);
            System.arraycopy(chunk, 0, seen, tail.length, length);
            if (indexOf(seen, marker) >= 0) {
                stallNow();
            }
            return Arrays.copyOfRange(seen, Math.max(0, seen.length - marker.length + 1), seen.length);
        }
    }

    private void stallNow() {
        if (!stalled) {
            stalled = true;
            stalledAt = System.nanoTime();
            stallMarker = null;
            forwarding.notifyAll();
        }
    }

    private boolean isStalled() {
        synchronized (forwarding) {
            return stalled;
        }
    }

    private static int indexOf(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i <= data.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void awaitForwarding() throws InterruptedException {
        synchronized (forwarding) {
            while (stalled) {
                forwarding.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
