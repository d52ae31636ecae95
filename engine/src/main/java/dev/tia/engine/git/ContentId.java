package dev.tia.engine.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The git blob id of some bytes, so content hashed here matches ids git's index already knows. The JDK's SHA-1:
 * JGit's hasher reads JGit's configuration first (which implementation to use), and so starts the whole of JGit
 * (150-200 ms of a fresh JVM) in a run that needs nothing else of it (see {@link NativeCheckout}).
 */
public final class ContentId {

    private ContentId() {
    }

    public static String of(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
