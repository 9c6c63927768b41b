/** Users (BCrypt-hashed, in PostgreSQL), sign-in, and the signed JWTs both services accept. */
package dev.qcurate.command.auth;
