package dev.qcurate.command.curatedlist;

import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.curatedlist.ReleaseListCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CuratedListReleasesTest {

    private static final CuratedListId LIST = CuratedListId.random();

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(CuratedList.class);
        fixture.registerAnnotatedCommandHandler(new ListReleases(fixture.getRepository()));
    }

    @Test
    void releasesAVersionUnderALabel() {
        fixture.given(new CuratedListCreatedEvent(LIST, "demo", "Demo", null))
                .when(new ReleaseListCommand(LIST, " 2024.1 ", 3))
                .expectEvents(new ListReleasedEvent(LIST, "2024.1", 3));
    }

    @Test
    void rejectsAReusedLabel() {
        fixture.given(new CuratedListCreatedEvent(LIST, "demo", "Demo", null), new ListReleasedEvent(LIST, "v1", 1))
                .when(new ReleaseListCommand(LIST, "v1", 2))
                .expectException(IllegalStateException.class);
    }

    @Test
    void rejectsALabelThatIsNotUrlSafe() {
        fixture.given(new CuratedListCreatedEvent(LIST, "demo", "Demo", null))
                .when(new ReleaseListCommand(LIST, "v1/../x", 1))
                .expectException(IllegalArgumentException.class);
    }
}
