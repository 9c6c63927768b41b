package dev.qcurate.support;

/**
 * Characters no client text may contain: C0/C1 controls other than tab, line feed and carriage return (NUL among
 * them), the bidirectional embeddings, overrides and isolates used to disguise text ("Trojan source"), and unpaired
 * surrogates (not text at all; PostgreSQL cannot store them).
 */
final class UnsafeText {

    private UnsafeText() {}

    /** What is wrong with the text, or null when it is fine. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return "contains a bidirectional override character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains an unpaired surrogate";
                }
            } else if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }
}
