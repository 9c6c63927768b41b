package dev.qcurate.web.webhooks;

import java.util.List;

/** One endpoint with its recent deliveries; a new secret after a rotation, shown this once. */
record EndpointPage(
        WebhookViews.Endpoint endpoint,
        List<WebhookViews.Delivery> deliveries,
        WebhooksPage.NewSecret secret,
        String error) {

    public int shown() {
        return WebhooksClient.RECENT_DELIVERIES;
    }
}
