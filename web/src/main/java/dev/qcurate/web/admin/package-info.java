/** User administration for admins: create users, change their roles, disable or enable them, reset passwords. */
package dev.qcurate.web.admin;
