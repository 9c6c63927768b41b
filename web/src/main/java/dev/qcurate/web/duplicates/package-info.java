/** Duplicate candidates as the query service ranks them, shown on the propose page, in the queue and after imports. */
package dev.qcurate.web.duplicates;
