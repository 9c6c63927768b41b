/** Messages about curated lists: ordered question selections that consumers read and pin. */
package dev.qcurate.shared.curatedlist;
