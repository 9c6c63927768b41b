package dev.qcurate.shared.tag;

import dev.qcurate.shared.proposal.ProposalId;

/**
 * An event of the tag vocabulary as a whole (not of one question). It has one member today; it is a family like the
 * others so that a second kind of vocabulary event is added the same way and found by the compiler.
 */
public sealed interface TagEvent permits TagsRenamedEvent {

    /** The proposal whose approval caused the event. */
    ProposalId proposalId();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each kind of vocabulary event. */
    interface Visitor<R> {
        R renamed(TagsRenamedEvent e);
    }
}
