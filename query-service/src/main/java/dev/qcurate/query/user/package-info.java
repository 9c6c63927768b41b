/** Account state from the user events (disabled, tokens not before), checked on every token. */
package dev.qcurate.query.user;
