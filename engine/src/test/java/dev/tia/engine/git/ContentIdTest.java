package dev.tia.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.io.Sha1;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed file's content id is hashed by tia's own SHA-1 (the JDK's costs a fresh JVM about 30 ms to start): it
 * must be the digest the JDK computes for every length around the block boundaries, and the id git gives the file.
 */
class ContentIdTest {

    @TempDir
    Path dir;

    @Test
    void sha1IsTheJdksForEveryLengthAroundTheBlocksAndInPieces() throws Exception {
        Random random = new Random(42);
        int[] lengths = {0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 100_003};
        for (int length : lengths) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            byte[] expected = MessageDigest.getInstance("SHA-1").digest(bytes);
            Sha1 whole = new Sha1();
            whole.update(bytes);
            assertThat(whole.digest()).as("length %d", length).isEqualTo(expected);
            // in pieces of every size up to two blocks, as a header then content are given
            int piece = 1 + length % 130;
            Sha1 pieces = new Sha1();
            for (int at = 0; at < length; at += piece) {
                pieces.update(bytes, at, Math.min(piece, length - at));
            }
            assertThat(pieces.digest()).as("length %d in pieces of %d", length, piece).isEqualTo(expected);
        }
    }

    @Test
    void contentIdIsTheIdGitGivesTheFile() throws Exception {
        String[] contents = {"", "class A {}\n", "é ü 日本\n".repeat(100), "x".repeat(65_536)};
        for (String content : contents) {
            Path file = dir.resolve("f.txt");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Process git = new ProcessBuilder("git", "hash-object", file.toString()).redirectErrorStream(true).start();
            String expected = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            assertThat(git.waitFor()).isZero();
            assertThat(ContentId.of(content.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        }
    }

    @Test
    void objectIdsReadFullAsciiHexIdsOnly() {
        String id = "36a48de89944ba3a0064ae2e598adef2ca19d3f4";
        assertThat(ObjectIds.parse(id)).contains(ObjectId.fromString(id));
        assertThat(ObjectIds.parse(id.toUpperCase())).contains(ObjectId.fromString(id));
        byte[] raw = new byte[20];
        new Random(7).nextBytes(raw);
        String random = HexFormat.of().formatHex(raw);
        assertThat(ObjectIds.of(random).name()).isEqualTo(random);
        for (String notAnId : new String[] {"", id.substring(1), id + "0", id.replace('a', 'g'), "HEAD"}) {
            assertThat(ObjectIds.isId(notAnId)).as(notAnId).isEqualTo(ObjectId.isId(notAnId)).isFalse();
            assertThat(ObjectIds.parse(notAnId)).isEmpty();
        }
        // Digits of other scripts, which JGit's check lets through (git never writes them in an id)
        for (String notAnId : new String[] {id.replace('3', '\u0663'), id.replace('4', '\uff14')}) {
            assertThat(ObjectIds.parse(notAnId)).as(notAnId).isEmpty();
        }
    }
}
