package dev.qcurate.command.proposal;

import dev.qcurate.command.curatedlist.CuratedList;
import dev.qcurate.command.question.Question;
import dev.qcurate.command.tag.InMemoryTagIndex;
import dev.qcurate.command.tag.TagCatalogue;
import dev.qcurate.command.tag.TagVocabulary;
import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions and lists that proposal handlers load next to the proposal. AggregateTestFixture's own event store
 * holds exactly one aggregate (it refuses to read or write any other identifier), so the fixture keeps the Proposal
 * and these repositories keep everything else in Axon's in-memory event store. They join the fixture's unit of work:
 * a command that fails rolls their events back too, which is what "nothing is half-applied" means. Register it
 * with {@code @RegisterExtension}: it shuts its event store down after each test.
 */
final class OtherAggregates implements AfterEachCallback {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    final EventSourcingRepository<Question> questions =
            EventSourcingRepository.builder(Question.class).eventStore(store).build();
    final EventSourcingRepository<CuratedList> lists =
            EventSourcingRepository.builder(CuratedList.class).eventStore(store).build();
    final EventSourcingRepository<TagVocabulary> vocabulary = EventSourcingRepository.builder(TagVocabulary.class)
            .eventStore(store)
            .build();
    final InMemoryTagIndex tagIndex = new InMemoryTagIndex();
    final TagCatalogue tags = new TagCatalogue(vocabulary, tagIndex);
    private final Map<String, Integer> given = new HashMap<>();

    /** A fixture for the Proposal whose submission (under {@code policy}) and decision handlers load these. */
    AggregateTestFixture<Proposal> proposalFixture(ReviewPolicy policy) {
        AggregateTestFixture<Proposal> fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerAnnotatedCommandHandler(
                new ProposalSubmissions(fixture.getRepository(), questions, lists, policy, tags));
        fixture.registerAnnotatedCommandHandler(decisions(fixture.getRepository()));
        return fixture;
    }

    /** The proposal handlers that load these aggregates next to the fixture's proposals, with one approval for all. */
    ProposalSubmissions submissions(Repository<Proposal> proposals) {
        return new ProposalSubmissions(proposals, questions, lists, new ReviewPolicy(Map.of()), tags);
    }

    ProposalDecisions decisions(Repository<Proposal> proposals) {
        return new ProposalDecisions(proposals, questions, lists, tags);
    }

    /** Stores events of a question or list as they would have been before the command under test. */
    void given(Object aggregateId, Object... events) {
        String id = aggregateId.toString();
        String type = aggregateId instanceof CuratedListId
                ? "CuratedList"
                : TagVocabulary.ID.equals(id) ? "TagVocabulary" : "Question";
        for (Object event : events) {
            int sequence = given.merge(id, 1, Integer::sum) - 1;
            store.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
        }
    }

    QuestionId activeQuestion(String text, String... tags) {
        QuestionId id = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        given(
                id,
                new QuestionProposedEvent(id, proposal, text, List.of(tags), null, "editor"),
                new QuestionAcceptedEvent(id, proposal));
        return id;
    }

    /** A list "fp" holding {@code entries} in this order. */
    CuratedListId list(QuestionId... entries) {
        CuratedListId list = CuratedListId.random();
        given(list, new CuratedListCreatedEvent(list, "fp", "FP", null));
        for (int i = 0; i < entries.length; i++) {
            given(list, new ListEntryAddedEvent(list, entries[i], i, ProposalId.random()));
        }
        return list;
    }

    /** The events the command under test appended to this aggregate (after the given ones). */
    List<Object> appended(Object aggregateId) {
        List<Object> all = store.readEvents(aggregateId.toString())
                .asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
        return all.subList(given.getOrDefault(aggregateId.toString(), 0), all.size());
    }

    /** Counts what given commands stored as given, so {@link #appended} shows only the command under test. */
    void settled(Object... aggregateIds) {
        for (Object id : aggregateIds) {
            given.put(id.toString(), (int)
                    store.readEvents(id.toString()).asStream().count());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        store.shutDown();
    }
}
