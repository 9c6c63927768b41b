package dev.qcurate.command.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes UTF-8 text that was decoded as Mac Roman ({@code ‚Äô} for {@code ’}) or Windows-1252 ({@code â€™}).
 *
 * <p>Works per suspicious sequence rather than per document, because pasted documents mix clean and broken parts:
 * a run of 2–4 characters is replaced only when re-encoding it with the misread charset gives bytes that decode
 * as exactly one well-formed UTF-8 character. Each repair therefore removes one suspicious sequence and adds none.
 * Correct text survives because a lone accent, smart quote or emoji never re-encodes to a complete multi-byte
 * UTF-8 sequence. Two-character sequences are the one real ambiguity ({@code “é}, {@code «É} are legitimate), so
 * those are only repaired into Latin-1 and Latin Extended-A (U+00A0–U+017F), which covers the two-byte mojibake of
 * Western and Central European text; «É would otherwise become U+01C3.
 */
final class MojibakeRepair {

    private static final List<Misreading> MISREADINGS =
            List.of(new Misreading(Charset.forName("x-MacRoman")), new Misreading(Charset.forName("windows-1252")));

    /** Text mis-decoded twice (UTF-8 → cp1252 → UTF-8 → cp1252) needs a second pass; more is not worth chasing. */
    private static final int MAX_PASSES = 3;

    private MojibakeRepair() {}

    static String repair(String text) {
        if (text.chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        String current = text;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String repaired = repairOnce(current);
            if (repaired.equals(current)) {
                break;
            }
            current = repaired;
        }
        return current;
    }

    private static String repairOnce(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            Repair repair = null;
            for (Misreading misreading : MISREADINGS) {
                repair = misreading.sequenceAt(text, i);
                if (repair != null) {
                    break;
                }
            }
            if (repair == null) {
                out.append(text.charAt(i));
                i++;
            } else {
                out.append(repair.text());
                i += repair.consumed();
            }
        }
        return out.toString();
    }

    private record Repair(String text, int consumed) {}

    /** One charset UTF-8 bytes may have been misread as, with its reverse mapping for bytes 0x80–0xFF. */
    private static final class Misreading {

        private final Map<Character, Byte> byteOf = new HashMap<>();

        Misreading(Charset charset) {
            for (int b = 0x80; b <= 0xFF; b++) {
                String decoded = new String(new byte[] {(byte) b}, charset);
                // Bytes the charset leaves undefined (0x81, 0x8D… in windows-1252) come through lenient decoders
                // as the C1 control of the same value, so map those back too.
                char c = decoded.charAt(0) == '\uFFFD' ? (char) b : decoded.charAt(0);
                byteOf.put(c, (byte) b);
            }
        }

        Repair sequenceAt(String text, int start) {
            Byte lead = byteOf.get(text.charAt(start));
            if (lead == null) {
                return null;
            }
            int length = utf8SequenceLength(lead & 0xFF);
            if (length == 0 || start + length > text.length()) {
                return null;
            }
            byte[] bytes = new byte[length];
            bytes[0] = lead;
            for (int k = 1; k < length; k++) {
                Byte next = byteOf.get(text.charAt(start + k));
                if (next == null || (next & 0xC0) != 0x80) {
                    return null;
                }
                bytes[k] = next;
            }
            String decoded = decodeStrictly(bytes);
            if (decoded == null || length == 2 && !isLatin(decoded.codePointAt(0))) {
                return null;
            }
            return new Repair(decoded, length);
        }

        private static int utf8SequenceLength(int lead) {
            if (lead >= 0xC2 && lead <= 0xDF) {
                return 2;
            }
            if (lead >= 0xE0 && lead <= 0xEF) {
                return 3;
            }
            if (lead >= 0xF0 && lead <= 0xF4) {
                return 4;
            }
            return 0;
        }

        private static boolean isLatin(int codePoint) {
            return codePoint >= 0xA0 && codePoint <= 0x17F;
        }

        private static String decodeStrictly(byte[] bytes) {
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return decoder.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
