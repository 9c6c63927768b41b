package dev.qcurate.query.curatedlist;

import java.math.BigDecimal;

/**
 * Sparse ordering keys for list entries: appending takes last + 1, prepending first - 1, inserting between two
 * entries their midpoint (exact decimal, so keys never collide). Only the inserted or moved entry gets a new key.
 */
final class SortKeys {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private SortKeys() {}

    /** The key for a new entry between {@code before} and {@code after}; either may be null (list start or end). */
    static BigDecimal between(BigDecimal before, BigDecimal after) {
        if (before == null && after == null) {
            return BigDecimal.ONE;
        }
        if (before == null) {
            return canonical(after.subtract(BigDecimal.ONE));
        }
        if (after == null) {
            return canonical(before.add(BigDecimal.ONE));
        }
        return canonical(before.add(after).divide(TWO));
    }

    /** One representation per value, so keys compare equal whether computed or read back from the database. */
    static BigDecimal canonical(BigDecimal key) {
        BigDecimal stripped = key.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
