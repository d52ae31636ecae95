package dev.tia.engine.git;

import com.google.common.collect.ImmutableSet;

import dev.tia.engine.Background;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The working tree's status from the {@code git} command, when there is one: git keeps a stat cache (and, where
 * configured, an untracked cache and fsmonitor) that makes this several times faster than walking the tree in
 * Java on large repositories. Any failure means "not available", and JGit is used instead.
 */
final class NativeGitStatus {

    private static final Set<String> CONFLICTS = Set.of("DD", "AU", "UD", "UA", "DU", "AA", "UU");

    private NativeGitStatus() {
    }

    /** {@link #read} on a thread of its own: the work is the git process's, that thread only waits for it. */
    static CompletableFuture<Optional<StatusSets>> start(Path dir) {
        return Background.run("tia-git-status", () -> read(dir)).exceptionally(e -> Optional.empty());
    }

    /** @param dir the working tree, or any folder inside it */
    static Optional<StatusSets> read(Path dir) {
        if ("false".equals(System.getenv("TIA_NATIVE_GIT"))) {
            return Optional.empty();
        }
        ProcessBuilder command = new ProcessBuilder("git", "-C", dir.toString(), "status", "--porcelain=v1", "-z",
                "--untracked-files=all", "--no-renames", "--ignore-submodules=all");
        command.environment().put("GIT_OPTIONAL_LOCKS", "0"); // a status must not take the index lock
        command.redirectErrorStream(false);
        command.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = command.start();
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(parse(new String(output, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Parses {@code git status --porcelain=v1 -z --no-renames}: entries {@code XY path}, NUL-terminated. */
    static StatusSets parse(String output) {
        ImmutableSet.Builder<String> added = ImmutableSet.builder();
        ImmutableSet.Builder<String> changed = ImmutableSet.builder();
        ImmutableSet.Builder<String> removed = ImmutableSet.builder();
        ImmutableSet.Builder<String> modified = ImmutableSet.builder();
        ImmutableSet.Builder<String> missing = ImmutableSet.builder();
        ImmutableSet.Builder<String> untracked = ImmutableSet.builder();
        ImmutableSet.Builder<String> conflicting = ImmutableSet.builder();
        for (String entry : output.split("\0")) {
            if (entry.length() < 4) {
                continue;
            }
            String code = entry.substring(0, 2);
            String path = entry.substring(3);
            if (code.equals("??")) {
                untracked.add(path);
            } else if (CONFLICTS.contains(code)) {
                conflicting.add(path);
            } else {
                switch (code.charAt(0)) {
                    case 'A' -> added.add(path);
                    case 'M', 'T' -> changed.add(path);
                    case 'D' -> removed.add(path);
                    default -> { }
                }
                switch (code.charAt(1)) {
                    // 'A': added with intent to add (git add -N), whose entry names the empty blob, not the file.
                    case 'M', 'T', 'A' -> modified.add(path);
                    case 'D' -> missing.add(path);
                    default -> { }
                }
            }
        }
        return new StatusSets(added.build(), changed.build(), removed.build(), modified.build(), missing.build(),
                untracked.build(), conflicting.build());
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
