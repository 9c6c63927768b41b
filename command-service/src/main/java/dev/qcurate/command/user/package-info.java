/** User administration: accounts as events (with the admin as actor), password policy, the admin endpoints. */
package dev.qcurate.command.user;
