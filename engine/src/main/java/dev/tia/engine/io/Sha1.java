package dev.tia.engine.io;

import java.util.Arrays;

/**
 * SHA-1 (FIPS 180-4): git's blob ids of the files a run hashes (those edited in the working tree), and the code
 * fingerprints of the files it parses.
 *
 * <p>Not the JDK's {@code MessageDigest}: its first use in a fresh JVM starts the security providers (16-22 ms) and
 * its first digest the byte-array views it reads words through (10-14 ms more, with tia's class-data archive), about
 * 30 ms of a one-file edit's run that takes 300, on the thread that parses the changed file while the run waits. The
 * C1 compiler, which cold runs below 40,000 files use alone, makes this one faster than the JDK's SHA-256 (40 MB in
 * 2 KB pieces: 240 against 385 ms); the full compiler, which uses the CPU's SHA instructions for the JDK's, makes it
 * slower (170 against 30 ms), a few tenths of a second of a cold run of 40 s at 50k classes. {@code ContentIdTest}
 * holds it to the JDK's digest and to git's own ids.
 */
public final class Sha1 {

    private final int[] words = new int[80];
    private final byte[] block = new byte[64];
    private int inBlock;
    private long length;
    private int h0 = 0x67452301;
    private int h1 = 0xEFCDAB89;
    private int h2 = 0x98BADCFE;
    private int h3 = 0x10325476;
    private int h4 = 0xC3D2E1F0;

    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    public void update(byte[] bytes, int offset, int count) {
        length += count;
        int at = offset;
        int end = offset + count;
        if (inBlock > 0) {
            int taken = Math.min(64 - inBlock, count);
            System.arraycopy(bytes, at, block, inBlock, taken);
            inBlock += taken;
            at += taken;
            if (inBlock < 64) {
                return;
            }
            compress(block, 0);
            inBlock = 0;
        }
        for (; end - at >= 64; at += 64) {
            compress(bytes, at);
        }
        System.arraycopy(bytes, at, block, 0, end - at);
        inBlock = end - at;
    }

    /** The digest of everything given so far; this hasher is spent after. */
    public byte[] digest() {
        long bits = length * 8;
        block[inBlock++] = (byte) 0x80;
        if (inBlock > 56) {
            Arrays.fill(block, inBlock, 64, (byte) 0);
            compress(block, 0);
            inBlock = 0;
        }
        Arrays.fill(block, inBlock, 56, (byte) 0);
        for (int i = 0; i < 8; i++) {
            block[56 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress(block, 0);
        byte[] digest = new byte[20];
        int[] state = {h0, h1, h2, h3, h4};
        for (int i = 0; i < 20; i++) {
            digest[i] = (byte) (state[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return digest;
    }

    private void compress(byte[] bytes, int at) {
        int[] w = words;
        for (int i = 0; i < 16; i++) {
            int p = at + 4 * i;
            w[i] = (bytes[p] << 24) | ((bytes[p + 1] & 0xFF) << 16) | ((bytes[p + 2] & 0xFF) << 8) | (bytes[p + 3] & 0xFF);
        }
        for (int i = 16; i < 80; i++) {
            w[i] = Integer.rotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        }
        int a = h0;
        int b = h1;
        int c = h2;
        int d = h3;
        int e = h4;
        for (int i = 0; i < 80; i++) {
            int f;
            int k;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            int t = Integer.rotateLeft(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = t;
        }
        h0 += a;
        h1 += b;
        h2 += c;
        h3 += d;
        h4 += e;
    }
}
