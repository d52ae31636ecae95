package dev.tia.engine.git;

import org.eclipse.jgit.lib.ObjectId;

import java.util.Optional;

/**
 * JGit's ids of the git command's answers. Not {@link ObjectId#fromString}: its first use initializes JGit's
 * {@code Constants}, which asks the JDK for a SHA-1 digest only to check its length, and so starts the security
 * providers (16-22 ms of a fresh JVM, on the thread the analysis waits for). {@link ObjectId#fromRaw} does not.
 */
final class ObjectIds {

    private ObjectIds() {
    }

    /** Whether {@code text} is a full id: 40 ASCII hexadecimal digits, either case (git writes nothing else). */
    static boolean isId(String text) {
        if (text.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            if (hexValue(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of an ASCII hexadecimal digit, or -1 (Character#digit takes other scripts' digits too). */
    private static int hexValue(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** The id {@code text} names, when it is a full one. */
    static Optional<ObjectId> parse(String text) {
        if (!isId(text)) {
            return Optional.empty();
        }
        byte[] raw = new byte[20];
        for (int i = 0; i < 20; i++) {
            raw[i] = (byte) (hexValue(text.charAt(2 * i)) << 4 | hexValue(text.charAt(2 * i + 1)));
        }
        return Optional.of(ObjectId.fromRaw(raw));
    }

    /** The id {@code text} names, which must be a full one. */
    static ObjectId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an object id: " + text));
    }
}
