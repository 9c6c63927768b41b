/** The tag vocabulary: renames and merges across all questions, synonyms, and which questions carry which tag. */
package dev.qcurate.command.tag;
