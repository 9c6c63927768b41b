/** Flags likely duplicate questions with a Lucene index kept up to date by the question projection. */
package dev.qcurate.query.duplicates;
