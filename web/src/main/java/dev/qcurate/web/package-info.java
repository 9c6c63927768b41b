/** The web workspace (backend-for-frontend): one package per page family, {@code services} for the HTTP calls. */
package dev.qcurate.web;
