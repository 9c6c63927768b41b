package dev.qcurate.shared.question;

import java.util.List;

/**
 * Propose several new questions at once, all or none, in the given order: how an import proposes a document's
 * questions, with one transaction per chunk instead of one per question.
 */
public record ProposeQuestionsCommand(List<ProposeQuestionCommand> questions) {

    public ProposeQuestionsCommand {
        questions = List.copyOf(questions);
    }
}
