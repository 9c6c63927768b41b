/** Messages about the tag vocabulary as a whole: renames and merges, and the synonyms they leave behind. */
package dev.qcurate.shared.tag;
