package dev.qcurate.devstack;

/** A fixed port that one of the local servers needs is already bound by another process. */
public final class PortInUseException extends IllegalStateException {

    private final int port;

    PortInUseException(int port) {
        super("port " + port + " is already in use");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
