package dev.tia.engine.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The git blob id of some bytes, so content hashed here matches ids git's index already knows. The JDK's SHA-1:
 * JGit's hasher reads JGit's configuration first (which implementation to use), and so starts the whole of JGit
 * (150-200 ms of a fresh JVM) in a run that needs nothing else of it (see {@link NativeCheckout}).
 */
public final class ContentId {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ContentId() {
    }

    public static String of(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha1.digest(content);
            char[] hex = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
