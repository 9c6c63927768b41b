package dev.qcurate.command.curatedlist;

import dev.qcurate.shared.curatedlist.CreateCuratedListCommand;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Creates lists, claiming the name in the same transaction. */
@Component
@RequiredArgsConstructor
class CuratedListCreation {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2_000;

    private final Repository<CuratedList> lists;
    private final ListNames names;

    @CommandHandler
    void handle(CreateCuratedListCommand command) throws Exception {
        ListName name = new ListName(command.name());
        String title = command.title() == null || command.title().isBlank()
                ? name.value()
                : command.title().strip();
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title must have at most " + MAX_TITLE + " characters");
        }
        if (command.description() != null && command.description().length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must have at most " + MAX_DESCRIPTION + " characters");
        }
        names.claim(name, command.listId());
        lists.newInstance(() -> new CuratedList(command.listId(), name, title, command.description()));
    }
}
