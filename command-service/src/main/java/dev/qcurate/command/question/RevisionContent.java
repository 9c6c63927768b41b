package dev.qcurate.command.question;

import java.util.List;

/** What one revision of a question showed: its text and its sorted tags. */
public record RevisionContent(String text, List<String> tags) {

    public RevisionContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
