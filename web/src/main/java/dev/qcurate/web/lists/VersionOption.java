package dev.qcurate.web.lists;

/** One option of a "Version" combobox: the number it submits and what people read. */
record VersionOption(int version, String label, boolean selected) {}
