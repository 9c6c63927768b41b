/** Curated lists: the index, one list at any version, the comparison of two versions, exports and releases. */
package dev.qcurate.web.lists;
