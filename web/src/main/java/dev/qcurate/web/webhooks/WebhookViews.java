package dev.qcurate.web.webhooks;

import java.util.List;

/** What the webhook pages show, as the command service's {@code /api/admin/webhooks} answers it. */
final class WebhookViews {

    /** The event kinds an endpoint can subscribe to, with the words the form shows for each. */
    static final List<Kind> KINDS = List.of(
            new Kind("proposal.decided", "A proposal was decided (applied or rejected)"),
            new Kind("release.published", "A list release was published"),
            new Kind("list.version-published", "A new list version was published"));

    private WebhookViews() {}

    record Kind(String name, String description) {}

    record Endpoint(
            String id, String url, List<String> events, String description, String createdBy, String createdAt) {}

    record Delivery(
            String id,
            String event,
            long position,
            String state,
            int attempts,
            String nextAttemptAt,
            String createdAt,
            List<Attempt> history) {

        public boolean resendable() {
            return !"PENDING".equals(state);
        }

        public Attempt last() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }
    }

    /** One attempt; {@code status} 0 when no answer came. */
    record Attempt(int attempt, String startedAt, int durationMs, int status, String responseExcerpt, String error) {

        public String outcome() {
            return status == 0 ? "no answer" : "HTTP " + status;
        }
    }
}
