package dev.qcurate.shared.curatedlist;

/**
 * An event of one curated list aggregate: its creation, its entries and its releases. Consumers handle the family
 * with a {@link Visitor}, one method per member, so that a new event kind breaks the build of every consumer until it
 * handles it.
 */
public sealed interface CuratedListEvent
        permits CuratedListCreatedEvent,
                ListEntryAddedEvent,
                ListEntryMovedEvent,
                ListEntryRemovedEvent,
                ListReleasedEvent {

    /** The list (aggregate) the event belongs to. */
    CuratedListId listId();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each kind of list event. */
    interface Visitor<R> {
        R created(CuratedListCreatedEvent e);

        R entryAdded(ListEntryAddedEvent e);

        R entryMoved(ListEntryMovedEvent e);

        R entryRemoved(ListEntryRemovedEvent e);

        R released(ListReleasedEvent e);
    }
}
