package dev.tia.engine.source;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/** The framing and the all-or-nothing writing of tia's cache files. */
final class AtomicFile {

    private AtomicFile() {
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

    /**
     * Writes {@code bytes} to a temporary file beside {@code file} and moves it into place, so a reader (another
     * build at the same time) sees the old content or the new, never half of one.
     */
    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
