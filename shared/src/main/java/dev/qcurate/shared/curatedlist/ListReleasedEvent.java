package dev.qcurate.shared.curatedlist;

import org.axonframework.serialization.Revision;

/**
 * A reviewer named a version of the list: {@code GET /api/lists/{id}?release=label} reads that version for good.
 * {@code version} is a version number of the query side's deduplicated view (0 = the empty list at creation).
 */
@Revision("1")
public record ListReleasedEvent(CuratedListId listId, String label, int version) implements CuratedListEvent {
    @Override
    public <R> R accept(CuratedListEvent.Visitor<R> visitor) {
        return visitor.released(this);
    }
}
