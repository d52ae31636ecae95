package dev.tia.engine.source;

import dev.tia.engine.io.Sha1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hash of a Java source's code without its comments, with whitespace between tokens folded and imports in
 * order, so an edit that only touches comments, Javadoc, indentation, line breaks or import order leaves it
 * unchanged. String, character and
 * text-block literals are kept exactly: whitespace inside them is behaviour.
 */
final class CodeFingerprint {

    /** After folding: an optional package declaration, then import declarations. */
    private static final Pattern IMPORT_HEAD = Pattern.compile(
            "((?:package [\\w.]+ ?; ?)?)((?:import (?:static )?[\\w.*]+ ?; ?)*)");
    private static final Pattern IMPORT = Pattern.compile("(import (?:static )?[\\w.*]+) ?;");

    private CodeFingerprint() {
    }

    static Fingerprint of(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        boolean pendingSpace = false;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                pendingSpace = true;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                pendingSpace = true;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = true;
                i++;
            } else {
                if (pendingSpace && code.length() > 0) {
                    code.append(' ');
                }
                pendingSpace = false;
                if (c == '"' || c == '\'') {
                    int end = literalEnd(source, i);
                    code.append(source, i, end);
                    i = end;
                } else {
                    code.append(c);
                    i++;
                }
            }
        }
        // SHA-1, not the JDK's SHA-256: starting the JDK's digests cost the parse of a warm run's changed file 30 ms
        // (see Sha1). Fingerprints tell edits apart; nobody forges them.
        Sha1 sha1 = new Sha1();
        sha1.update(importsInOrder(code.toString()).getBytes(StandardCharsets.UTF_8));
        return Fingerprint.of(sha1.digest());
    }

    /**
     * The folded code with its leading import declarations sorted: their order means nothing to the compiler. Only
     * the head of the file is touched (package, then imports), never a look-alike inside the code.
     */
    static String importsInOrder(String folded) {
        Matcher head = IMPORT_HEAD.matcher(folded);
        if (!head.lookingAt() || head.group(2).isEmpty()) {
            return folded;
        }
        List<String> imports = new ArrayList<>();
        Matcher declaration = IMPORT.matcher(head.group(2));
        while (declaration.find()) {
            imports.add(declaration.group(1));
        }
        Collections.sort(imports);
        return head.group(1) + String.join(";", imports) + ";" + folded.substring(head.end());
    }

    /** The index just after the string, character or text-block literal starting at {@code start}. */
    private static int literalEnd(String source, int start) {
        char quote = source.charAt(start);
        if (quote == '"' && source.startsWith("\"\"\"", start)) {
            int end = start + 3;
            while (end < source.length()) {
                if (source.charAt(end) == '\\') {
                    end += 2;
                } else if (source.startsWith("\"\"\"", end)) {
                    return end + 3;
                } else {
                    end++;
                }
            }
            return source.length();
        }
        int end = start + 1;
        while (end < source.length()) {
            char c = source.charAt(end);
            if (c == '\\') {
                end += 2;
            } else if (c == quote || c == '\n') {
                return end + 1;
            } else {
                end++;
            }
        }
        return source.length();
    }
}
