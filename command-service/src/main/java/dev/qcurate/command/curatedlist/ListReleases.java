package dev.qcurate.command.curatedlist;

import dev.qcurate.shared.curatedlist.ReleaseListCommand;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Publishes named releases of lists. */
@Component
@RequiredArgsConstructor
class ListReleases {

    private final Repository<CuratedList> lists;

    @CommandHandler
    void handle(ReleaseListCommand command) {
        ReleaseLabel label = new ReleaseLabel(command.label());
        lists.load(command.listId().toString()).execute(list -> list.release(label, command.version()));
    }
}
