/**
 * Messages about user accounts. Every administrative change to an account is an event with the admin as
 * {@code actor} metadata; no event ever carries a password or its hash.
 */
package dev.qcurate.shared.user;
