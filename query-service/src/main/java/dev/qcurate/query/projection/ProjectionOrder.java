package dev.qcurate.query.projection;

/**
 * The order in which the projections apply each batch, inside its one transaction. This list is the only place it is
 * declared; each projection names its place with {@link Projection#order()}.
 */
public enum ProjectionOrder {
    /** First: it reads the {@code question} rows as they were before the batch and follows the batch's question events itself. */
    LISTS,
    /** Questions, their aliases and history. */
    QUESTIONS,
    /** The review queue and proposer feedback; reads the questions as this batch left them. */
    PROPOSALS,
    /** Disabled users and token cut-off times; independent of the others. */
    USER_ACCESS,
    /** The synonyms tag renames left; independent of the others. */
    TAGS,
    /** The rendered list versions in memory: it applies nothing, it only empties itself when a rebuild resets. */
    LIST_VERSION_CACHE
}
