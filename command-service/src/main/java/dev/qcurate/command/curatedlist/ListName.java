package dev.qcurate.command.curatedlist;

/** A list's unique name: 1 to 100 letters, digits, spaces and {@code . _ -}, e.g. a document's name. */
record ListName(String value) {

    private static final NameRule RULE = new NameRule(
            "[\\p{L}\\p{N}][\\p{L}\\p{N} ._\\-]{0,99}",
            "list name must be 1 to 100 letters, digits, spaces or . _ - and start with a letter or digit");

    ListName {
        value = RULE.apply(value);
    }
}
