/** Webhook administration for admins: endpoints, their recent deliveries with the answers, resend and secrets. */
package dev.qcurate.web.webhooks;
