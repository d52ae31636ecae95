package dev.tia.engine.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** The framing of tia's cache files: what they start with, and the checksum they end with. */
public final class CacheFraming {

    private CacheFraming() {
    }

    /** Another magic, format or tia version wrote the file: not damage, just not this run's to read. */
    public static final class ForeignException extends IOException {
        ForeignException() {
            super("written by another tia version or format");
        }
    }

    /** The file is cut short or its checksum does not match. */
    public static final class CorruptException extends IOException {
        public CorruptException(String why) {
            super(why);
        }
    }

    /** Where a framed file's payload lies in its bytes: from {@code start} to {@code end}, exclusive. */
    public record Payload(byte[] bytes, int start, int end) {
    }

    /** Magic, format and tia version (as {@code DataOutput} writes them), then the payload, then a CRC32 of all before it. */
    public static byte[] framed(String magic, int format, String tiaVersion, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(magic);
        out.writeInt(format);
        out.writeUTF(tiaVersion);
        out.write(payload);
        out.flush();
        byte[] framed = bytes.toByteArray();
        out.writeLong(crc(framed, framed.length));
        return bytes.toByteArray();
    }

    /**
     * The payload of a file {@link #framed} wrote, after checking its header and checksum.
     *
     * @throws ForeignException when another magic, format or tia version wrote it
     * @throws CorruptException when it is cut short or its checksum does not match
     */
    public static Payload unframe(byte[] bytes, String magic, int format, String tiaVersion) throws IOException {
        DataInputStream header = new DataInputStream(new ByteArrayInputStream(bytes));
        if (!magic.equals(header.readUTF()) || header.readInt() != format || !header.readUTF().equals(tiaVersion)) {
            throw new ForeignException();
        }
        int start = bytes.length - header.available();
        int end = bytes.length - Long.BYTES;
        if (end < start) {
            throw new CorruptException("truncated");
        }
        if (ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() != crc(bytes, end)) {
            throw new CorruptException("checksum mismatch");
        }
        return new Payload(bytes, start, end);
    }

    public static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
