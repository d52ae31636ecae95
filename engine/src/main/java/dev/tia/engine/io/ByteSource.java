package dev.tia.engine.io;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link ByteSink} wrote, from one position onwards. Texts can be skipped and compared where they lie,
 * without a string made for each: a store of tens of thousands of paths is mostly compared, rarely read. Damage ends
 * in a {@link CacheFraming.CorruptException}.
 */
public final class ByteSource {

    /** Counts and lengths beyond this are damage, not data. */
    private static final int MAX_COUNT = 1 << 26;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] bytes;
    private final int end;
    private int position;

    public ByteSource(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    public int position() {
        return position;
    }

    /** Continues reading at {@code position} (one this source returned). */
    public void seek(int position) throws CacheFraming.CorruptException {
        if (position < 0 || position > end) {
            throw new CacheFraming.CorruptException("position out of range");
        }
        this.position = position;
    }

    public boolean atEnd() {
        return position == end;
    }

    public int varint() throws CacheFraming.CorruptException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (position >= end) {
                throw new CacheFraming.CorruptException("truncated");
            }
            byte b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new CacheFraming.CorruptException("malformed number");
    }

    /** A count or length: a varint no larger than the store could hold. */
    public int count() throws CacheFraming.CorruptException {
        int count = varint();
        if (count < 0 || count > MAX_COUNT) {
            throw new CacheFraming.CorruptException("implausible count " + count);
        }
        return count;
    }

    public String text() throws CacheFraming.CorruptException {
        int start = skipText();
        return new String(bytes, start, position - start, StandardCharsets.UTF_8);
    }

    /** Moves past a text; returns where its bytes start (they end where this source now stands). */
    private int skipText() throws CacheFraming.CorruptException {
        int length = count();
        if (length > end - position) {
            throw new CacheFraming.CorruptException("text past the end");
        }
        int start = position;
        position += length;
        return start;
    }

    /** Moves {@code count} bytes on (past records read by position). */
    public void skip(int count) throws CacheFraming.CorruptException {
        if (count < 0 || count > end - position) {
            throw new CacheFraming.CorruptException("truncated");
        }
        position += count;
    }

    /** The next {@code length} bytes as a source of their own, to be read later; this one moves past them. */
    public ByteSource slice(int length) throws CacheFraming.CorruptException {
        int start = position;
        skip(length);
        return new ByteSource(bytes, start, start + length);
    }

    /**
     * A source of its own reading from {@code position} (one this source returned) to this one's end: for records read
     * where they lie, from any thread, while this one stays where it is.
     */
    public ByteSource at(int position) throws CacheFraming.CorruptException {
        if (position < 0 || position > end) {
            throw new CacheFraming.CorruptException("position out of range");
        }
        return new ByteSource(bytes, position, end);
    }

    /** The {@code width} bytes at {@code at} as {@link ByteSink#fixed} wrote them. */
    public int fixed(int at, int width) {
        int value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** Whether the 20 bytes at {@code at} are the object id {@code id} (see {@link ByteSink#objectId}). */
    public boolean objectIdEquals(int at, String id) {
        if (id.length() != 40) {
            return false;
        }
        for (int i = 0; i < 20; i++) {
            int b = bytes[at + i] & 0xFF;
            if (id.charAt(2 * i) != HEX[b >> 4] || id.charAt(2 * i + 1) != HEX[b & 0xF]) {
                return false;
            }
        }
        return true;
    }

    /** The object id whose 20 bytes are at {@code at}, as text. */
    public String objectId(int at) {
        char[] hex = new char[40];
        for (int i = 0; i < 20; i++) {
            int b = bytes[at + i] & 0xFF;
            hex[2 * i] = HEX[b >> 4];
            hex[2 * i + 1] = HEX[b & 0xF];
        }
        return new String(hex);
    }

    /** Whether the text at {@code start}, {@code length} bytes long, is {@code value} from its character {@code from} on. */
    public boolean textEquals(int start, int length, String value, int from) {
        if (from == 0) {
            return textEquals(start, length, value);
        }
        if (length != value.length() - from) {
            return hasNonAscii(start, length) && textAt(start, length).equals(value.substring(from));
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[start + i];
            if (b < 0) {
                return textAt(start, length).equals(value.substring(from));
            }
            if (b != value.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** The text whose UTF-8 bytes lie at {@code start}, {@code length} of them. */
    public String textAt(int start, int length) {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }

    /** Whether the text at {@code start}, {@code length} bytes long, is {@code value}: byte by byte while ASCII. */
    public boolean textEquals(int start, int length, String value) {
        if (length != value.length()) {
            return hasNonAscii(start, length) && textAt(start, length).equals(value);
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[start + i];
            if (b < 0) {
                return textAt(start, length).equals(value);
            }
            if (b != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean hasNonAscii(int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
