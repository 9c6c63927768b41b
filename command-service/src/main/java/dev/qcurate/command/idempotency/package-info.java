/** Retry-safe commands: an {@code Idempotency-Key} header makes a repeated request answer as the first one did. */
package dev.qcurate.command.idempotency;
