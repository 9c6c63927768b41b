/** The home page: what the signed-in user can do next, by role. */
package dev.qcurate.web.home;
