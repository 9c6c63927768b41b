/** The HTTP edge both services share: request hygiene, strict JSON, problem+json errors, CORS. */
package dev.qcurate.support;
