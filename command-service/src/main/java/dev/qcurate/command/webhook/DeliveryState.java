package dev.qcurate.command.webhook;

/** Where a webhook delivery stands; stored by name in {@code webhook_delivery.state}. */
enum DeliveryState {
    /** Due at its next attempt time. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every allowed attempt failed; an admin may resend it. */
    FAILED;

    static DeliveryState after(DeliveryResult result, boolean retried) {
        return result.delivered() ? DELIVERED : retried ? PENDING : FAILED;
    }
}
