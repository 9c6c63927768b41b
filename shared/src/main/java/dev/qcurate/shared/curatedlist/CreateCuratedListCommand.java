package dev.qcurate.shared.curatedlist;

/** Create an empty curated list. */
public record CreateCuratedListCommand(CuratedListId listId, String name, String title, String description) {}
