package dev.qcurate.shared.curatedlist;

/** Name {@code version} of the list {@code label}; labels are unique per list. */
public record ReleaseListCommand(CuratedListId listId, String label, int version) {}
