/**
 * Messages about user accounts. Every administrative change to an account is an event with the admin as
 * {@code actor} metadata; no event ever carries a password or its hash. The events form the sealed family
 * {@link dev.qcurate.shared.user.UserEvent}.
 */
package dev.qcurate.shared.user;
