/** The curated list aggregate, unique list names, and the endpoints to create lists and propose entry changes. */
package dev.qcurate.command.curatedlist;
