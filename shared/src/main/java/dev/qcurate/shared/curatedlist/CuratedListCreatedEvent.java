package dev.qcurate.shared.curatedlist;

import org.axonframework.serialization.Revision;

/** A curated list was created, empty. */
@Revision("1")
public record CuratedListCreatedEvent(CuratedListId listId, String name, String title, String description)
        implements CuratedListEvent {
    @Override
    public <R> R accept(CuratedListEvent.Visitor<R> visitor) {
        return visitor.created(this);
    }
}
