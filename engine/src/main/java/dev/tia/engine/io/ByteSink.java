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

    /**
     * A git object id (40 lower-case hex digits) as its 20 bytes after a 1, anything else as a 0 and the text: half
     * the bytes for the common case, compared where they lie by {@link ByteSource#objectIdEquals}.
     */
    public void objectId(String id) {
        if (!isObjectId(id)) {
            varint(0);
            text(id);
            return;
        }
        varint(1);
        ensure(20);
        for (int i = 0; i < 20; i++) {
            bytes[size++] = (byte) (Character.digit(id.charAt(2 * i), 16) << 4 | Character.digit(id.charAt(2 * i + 1), 16));
        }
    }

    static boolean isObjectId(String id) {
        if (id.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
