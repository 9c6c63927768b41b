/** Security (session, CSRF, CSP, roles) and the workspace's settings. */
package dev.qcurate.web.config;
