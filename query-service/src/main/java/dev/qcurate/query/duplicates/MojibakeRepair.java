package dev.qcurate.query.duplicates;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Undoes the "UTF-8 read as Mac Roman" damage seen in pasted question lists ({@code Python‚Äôs} → {@code Python’s}).
 * The repair is only accepted when every character re-encodes and the bytes then decode as strict UTF-8, so
 * legitimate accents ({@code café}) are left alone.
 */
final class MojibakeRepair {

    private static final Pattern SUSPICIOUS = Pattern.compile("[‚√ü][\\u0080-\\u02FF\\u2000-\\u25FF]");
    private static final Charset MAC_ROMAN = charsetOrNull("x-MacRoman");

    private MojibakeRepair() {
    }

    static String repair(String text) {
        if (MAC_ROMAN == null || text == null || !SUSPICIOUS.matcher(text).find()) {
            return text;
        }
        try {
            CharsetEncoder encoder = MAC_ROMAN.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notMojibake) {
            return text;
        }
    }

    private static Charset charsetOrNull(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException unavailable) {
            return null;
        }
    }
}
