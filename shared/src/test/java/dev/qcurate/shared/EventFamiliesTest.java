package dev.qcurate.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.qcurate.shared.curatedlist.CuratedListEvent;
import dev.qcurate.shared.proposal.ProposalEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.tag.TagEvent;
import dev.qcurate.shared.user.UserEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sealed event families: what they hold, and that they add nothing to an event's JSON. */
class EventFamiliesTest {

    private static final List<Class<?>> FAMILIES =
            List.of(QuestionEvent.class, ProposalEvent.class, CuratedListEvent.class, UserEvent.class, TagEvent.class);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEventOfTheContractBelongsToExactlyOneFamily() {
        List<Class<?>> members = FAMILIES.stream()
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .collect(Collectors.toList());
        Set<Class<?>> sampled =
                ContractSamples.events().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(members).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sampled);
    }

    @Test
    void jacksonSeesOnlyTheRecordComponentsOfEveryEventAndChange() {
        Stream.concat(
                        FAMILIES.stream().flatMap(family -> Arrays.stream(family.getPermittedSubclasses())),
                        Arrays.stream(ProposedChange.class.getPermittedSubclasses()))
                .forEach(type -> assertThat(serialisedProperties(type))
                        .as(type.getName())
                        .containsExactlyInAnyOrderElementsOf(components(type)));
    }

    @Test
    void eachEventCallsTheVisitorMethodOfItsType() {
        for (Object event : ContractSamples.events()) {
            String visited = event instanceof QuestionEvent e
                    ? e.accept(Names.QUESTION)
                    : event instanceof ProposalEvent e
                            ? e.accept(Names.PROPOSAL)
                            : event instanceof CuratedListEvent e
                                    ? e.accept(Names.LIST)
                                    : event instanceof UserEvent e
                                            ? e.accept(Names.USER)
                                            : ((TagEvent) event).accept(Names.TAG);
            assertThat(visited)
                    .as(event.getClass().getSimpleName())
                    .isEqualTo(event.getClass().getSimpleName());
        }
        for (ProposedChange change : ContractSamples.changes()) {
            assertThat(change.accept(Names.CHANGE)).isEqualTo(change.getClass().getSimpleName());
        }
    }

    private Set<String> serialisedProperties(Class<?> type) {
        return json.getSerializationConfig().introspect(json.constructType(type)).findProperties().stream()
                .filter(BeanPropertyDefinition::couldSerialize)
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toSet());
    }

    private static Set<String> components(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName())
                .collect(Collectors.toSet());
    }
}
