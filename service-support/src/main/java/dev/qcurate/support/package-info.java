/**
 * What both services share: the HTTP edge (request hygiene, strict JSON, problem+json errors, CORS, the
 * verified-token cache), account and role rules, production-safety checks, and the tag-synonym rule.
 */
package dev.qcurate.support;
