package dev.tia.engine.git;

import dev.tia.engine.io.Sha1;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The git blob id of some bytes, so content hashed here matches ids git's index already knows. Hashed by tia's own
 * {@link Sha1}: JGit's hasher reads JGit's configuration first (which implementation to use), and so starts the whole
 * of JGit (150-200 ms of a fresh JVM) in a run that needs nothing else of it (see {@link NativeCheckout}); the JDK's
 * starts the security providers (see {@link Sha1}).
 */
public final class ContentId {

    private ContentId() {
    }

    public static String of(byte[] content) {
        Sha1 sha1 = new Sha1();
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        sha1.update(content);
        return HexFormat.of().formatHex(sha1.digest());
    }
}
