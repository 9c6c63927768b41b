/** Sign-in against command-service's token endpoint; the token stays in the server-side session. */
package dev.qcurate.web.signin;
