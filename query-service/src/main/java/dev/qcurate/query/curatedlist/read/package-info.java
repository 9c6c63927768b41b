/** Reading curated lists over HTTP: any version, its diffs, releases and exports, rendered once and cached. */
package dev.qcurate.query.curatedlist.read;
