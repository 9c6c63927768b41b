package dev.qcurate.command.webhook;

/**
 * What one attempt got: a 2xx answer counts as delivered; any other status, a timeout or a refused connection is a
 * failure to retry.
 *
 * @param status          the answer's HTTP status, or null when none came
 * @param responseExcerpt at most {@link WebhookSender#EXCERPT_BYTES} bytes of the answer's body, as UTF-8
 * @param error           why no usable answer came, or null
 */
record DeliveryResult(Integer status, String responseExcerpt, String error, int durationMs) {

    static final int MAX_ERROR = 500;

    DeliveryResult {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }

    boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }
}
