/** Importing a question document: the upload form, its checks at the web edge, and the outcome of an import. */
package dev.qcurate.web.imports;
