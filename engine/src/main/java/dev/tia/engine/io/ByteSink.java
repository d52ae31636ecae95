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

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
