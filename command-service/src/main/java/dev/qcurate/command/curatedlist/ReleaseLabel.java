package dev.qcurate.command.curatedlist;

/** A release's label, unique per list and safe in a URL: 1 to 64 letters, digits and {@code . _ + -}, e.g. 2024.1. */
record ReleaseLabel(String value) {

    private static final NameRule RULE = new NameRule(
            "[A-Za-z0-9][A-Za-z0-9._+\\-]{0,63}",
            "release label must be 1 to 64 letters, digits or . _ + - and start with a letter or digit");

    ReleaseLabel {
        value = RULE.apply(value);
    }
}
