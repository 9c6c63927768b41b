package dev.qcurate.web.webhooks;

import java.util.List;

/**
 * The endpoints page: every endpoint, the form as typed (with the service's refusal), and the secret of an endpoint
 * just added, which is shown this once.
 */
record WebhooksPage(List<WebhookViews.Endpoint> endpoints, NewEndpoint typed, String error, NewSecret secret) {

    public List<WebhookViews.Kind> kinds() {
        return WebhookViews.KINDS;
    }

    record NewEndpoint(String url, List<String> events, String description) {

        public boolean chose(String kind) {
            return events.contains(kind);
        }
    }

    /** A secret just made, for the endpoint it belongs to. */
    record NewSecret(String endpointId, String url, String secret) {}
}
