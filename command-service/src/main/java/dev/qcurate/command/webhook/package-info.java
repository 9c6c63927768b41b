/** Signed webhooks: admins register endpoints for event kinds; stored events are queued and delivered with retries. */
package dev.qcurate.command.webhook;
