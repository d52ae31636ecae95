package dev.tia.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing byte array written with varints and length-prefixed UTF-8 texts; read back by {@link ByteSource}. */
public final class ByteSink {

    private byte[] bytes = new byte[1 << 16];
    private int size;

    /** A non-negative number in 1-5 bytes, 7 bits each, low bits first. */
    public void varint(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** The text's UTF-8 length as a varint, then its bytes. */
    public void text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** {@code value}'s low {@code width} bytes (1 to 4), high byte first: records of a fixed size, read by position. */
    public void fixed(int value, int width) {
        ensure(width);
        for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    public void raw(byte[] values) {
        ensure(values.length);
        System.arraycopy(values, 0, bytes, size, values.length);
        size += values.length;
    }

    public int size() {
        return size;
    }

    /** The 20 bytes of a git object id (40 lower-case hex digits), or null for anything else. */
    public static byte[] objectId(String id) {
        if (id.length() != 40) {
            return null;
        }
        byte[] bytes = new byte[20];
        for (int i = 0; i < 40; i++) {
            char c = id.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            bytes[i / 2] |= (byte) (i % 2 == 0 ? digit << 4 : digit);
        }
        return bytes;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
