/**
 * Messages about curated lists: ordered question selections that consumers read and pin. The events form the sealed
 * family {@link dev.qcurate.shared.curatedlist.CuratedListEvent}.
 */
package dev.qcurate.shared.curatedlist;
