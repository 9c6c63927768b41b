package dev.qcurate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port probing on 127.0.0.1, the only interface the local servers listen on. */
final class Ports {

    private Ports() {}

    /** A port that was free a moment ago; another process may still take it before we bind (accepted race). */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }

    /** 0 means "any free port"; a fixed port must be bindable now, so a clash shows before a server half-starts. */
    static int resolve(int port) {
        if (port == 0) {
            return free();
        }
        requireFree(port);
        return port;
    }

    static void requireFree(int port) {
        if (!isFree(port)) {
            throw new PortInUseException(port);
        }
    }

    static boolean isFree(int port) {
        // SO_REUSEADDR, as the servers themselves bind: lingering TIME_WAIT connections of our own
        // previous broker must not count as "in use".
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
