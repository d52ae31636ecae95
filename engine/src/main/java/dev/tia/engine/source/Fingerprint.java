package dev.tia.engine.source;

import java.util.HexFormat;

/**
 * A 128-bit hash of some code (see {@link CodeFingerprint}), or {@link #NONE} when it is unknown.
 *
 * <p>Two longs rather than 32 hex digits: a file's facts hold several (the file, its skeleton, each method body),
 * and they are compared only for the few changed files. As numbers they are stored in 16 bytes, not 33, and read
 * without decoding text (the index at 50k classes: 15.2 -> 12.8 MB).
 */
public final class Fingerprint {

    /** Unknown: equal to nothing but itself, and never taken for the same code. */
    public static final Fingerprint NONE = new Fingerprint(0, 0);

    private final long high;
    private final long low;

    private Fingerprint(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The first 16 bytes of {@code digest}, big-endian. */
    static Fingerprint of(byte[] digest) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (digest[i] & 0xFF);
            low = (low << 8) | (digest[i + 8] & 0xFF);
        }
        return new Fingerprint(high, low);
    }

    static Fingerprint of(long high, long low) {
        return new Fingerprint(high, low);
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    public boolean isKnown() {
        return this != NONE;
    }

    /** Whether both are known and hash the same code. */
    public boolean sameCodeAs(Fingerprint other) {
        return isKnown() && other.isKnown() && high == other.high && low == other.low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && (this == NONE) == (that == NONE) && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    /** The hash as 32 hex digits, as it was written before it was kept as numbers; "none" when unknown. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return "none";
        }
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }
}
