/**
 * Messages about the tag vocabulary as a whole: renames and merges, and the synonyms they leave behind. The events
 * form the sealed family {@link dev.qcurate.shared.tag.TagEvent}.
 */
package dev.qcurate.shared.tag;
