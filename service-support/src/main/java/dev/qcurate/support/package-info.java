/** The HTTP edge both services share: request hygiene, strict JSON, problem+json errors, CORS, verified-token cache. */
package dev.qcurate.support;
