package dev.tia.engine.source;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;

/** The framing of tia's cache files: what they start with, and the checksum they end with. */
final class CacheFraming {

    private CacheFraming() {
    }

    /** Magic, format and tia version (as {@code DataOutput} writes them), then the payload, then a CRC32 of all before it. */
    static byte[] framed(String magic, int format, String tiaVersion, byte[] payload) throws IOException {
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

    static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
