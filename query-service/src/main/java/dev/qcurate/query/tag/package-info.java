/** Tags across the read model: the synonyms renames left, and the tags in use with their question counts. */
package dev.qcurate.query.tag;
