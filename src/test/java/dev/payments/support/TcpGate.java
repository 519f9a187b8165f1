package dev.payments.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay from a local port to the test database. Before it opens and after it closes, nothing listens on that port
 * and the connections it relayed are cut: to the application, the database is unreachable. While it is stalled, it
 * forwards nothing in either direction yet keeps every connection open and accepts new ones: to the application, the
 * database has gone silent, as across a network that drops packets.
 */
public final class TcpGate implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object forwarding = new Object();
    private boolean stalled;

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
            stalled = true;
        }
    }

    /** Forwards again, starting with what was held back. */
    public void resume() {
        synchronized (forwarding) {
            stalled = false;
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
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException e) {
                // closed, or one connection failed: the loop condition decides
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
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
