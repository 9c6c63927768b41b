package dev.qcurate.web.admin;

import java.util.List;

/**
 * A user as {@code GET /api/admin/users} lists it.
 *
 * @param managed false for the dev stack's fixed users, which the command service refuses to change
 */
record UserRow(String username, List<String> roles, boolean enabled, boolean managed) {}
