package dev.qcurate.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on the JDBC storage engine, with the snake_case tables that Flyway creates (V1__event_store.sql). */
@Configuration
class AxonConfig {

    /** Metadata keys that every event inherits from the command that caused it. */
    static final String ACTOR = "actor";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /*
     * Aggregate caches (@Aggregate(cache = ...)): a command finds the aggregates it touched recently in memory instead
     * of re-reading their events (an approval loads the proposal and its question). Bounded, strong references
     * (BoundedCache): the weak references used before were cleared by nearly every young collection. Axon's
     * CachingEventSourcingRepository evicts an entry whenever a unit of work that loaded or saved it rolls back
     * (a rule broken, a conflicting append, a failed commit), and the event store's unique (aggregate, sequence) key
     * still rejects an append made from a stale copy. One cache per type: the key is the bare identifier.
     */
    @Bean
    Cache questionCache(AggregateCacheSettings settings) {
        return new BoundedCache(settings.questions());
    }

    @Bean
    Cache proposalCache(AggregateCacheSettings settings) {
        return new BoundedCache(settings.proposals());
    }

    @Bean
    Cache curatedListCache(AggregateCacheSettings settings) {
        return new BoundedCache(settings.lists());
    }

    /** A unique-key violation on append is a concurrent change (409 or a retry), not a storage failure (500). */
    @Bean
    @org.springframework.context.annotation.Primary
    org.axonframework.common.jdbc.PersistenceExceptionResolver duplicateAppendResolver() {
        return new DuplicateAppendResolver();
    }

    /** correlationId and traceId, as Axon does by default. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who did it: copied from the command's metadata onto every event it causes. */
    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }
}
