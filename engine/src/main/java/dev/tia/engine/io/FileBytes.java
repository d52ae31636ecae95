package dev.tia.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a whole file into the heap, a quarter of a megabyte at a time.
 *
 * <p>{@link Files#readAllBytes} reads through a buffer of native memory as large as the file, which the JDK zeroes
 * first: fresh memory that costs a page fault for every 4 KB, and then a copy. Reading the facts index at 50k classes
 * (14.5 MB) that way took 78-103 ms of a fresh JVM, 3,400 page faults more than in pieces, which took 10-26 ms: the
 * JDK's native buffer for a piece is made once per thread and reused. The stores tia reads on every run (the facts
 * index, git's index, the stored graph) are read this way.
 */
public final class FileBytes {

    /** Small enough that its native buffer costs little to make, large enough for few reads. */
    static final int PIECE = 1 << 18;
    /** The largest array the JVM allocates. */
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private FileBytes() {
    }

    /**
     * The file's bytes, as {@link Files#readAllBytes} gives them: a file shorter than its size said when opened (cut
     * while read) gives what was there, a longer one (written while read, or a pipe, whose size is 0) all of it.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    public static byte[] read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_SIZE) {
                throw new IOException(file + " is too large to read into memory (" + size + " bytes)");
            }
            byte[] bytes = new byte[(int) size];
            int read = fill(channel, bytes);
            if (read < bytes.length) {
                return Arrays.copyOf(bytes, read);
            }
            ByteBuffer next = ByteBuffer.allocate(1);
            if (channel.read(next) <= 0) {
                return bytes;
            }
            // Longer than its size said: the rest as it comes, in the stream's own small pieces.
            byte[] rest = Channels.newInputStream(channel).readAllBytes();
            if ((long) bytes.length + 1 + rest.length > MAX_SIZE) {
                throw new IOException(file + " is too large to read into memory");
            }
            byte[] all = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
            all[bytes.length] = next.get(0);
            System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
            return all;
        }
    }

    /** Reads into {@code bytes} until it is full or the file ends; returns how many bytes it read. */
    private static int fill(FileChannel channel, byte[] bytes) throws IOException {
        int read = 0;
        while (read < bytes.length) {
            int n = channel.read(ByteBuffer.wrap(bytes, read, Math.min(PIECE, bytes.length - read)));
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }
}
