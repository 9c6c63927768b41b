/**
 * Calls to command-service and query-service with the signed-in user's token, read-your-writes through
 * {@code minPosition}, and the mapping of their answers (problem+json, outages) to what the user sees.
 */
package dev.qcurate.web.services;
