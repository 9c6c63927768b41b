/** The tags page: the tags in use with their old names, and proposing to rename or merge them. */
package dev.qcurate.web.tags;
