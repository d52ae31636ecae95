package dev.tia.engine.git;

import com.google.common.collect.ImmutableSet;

import dev.tia.engine.Background;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The working tree's status from the {@code git} command, when there is one: git keeps a stat cache (and, where
 * configured, an untracked cache and fsmonitor) that makes this several times faster than walking the tree in
 * Java on large repositories. Any failure means "not available", and JGit is used instead.
 */
final class NativeGitStatus {

    private static final Set<String> CONFLICTS = Set.of("DD", "AU", "UD", "UA", "DU", "AA", "UU");
    /**
     * What git is asked. Untracked files as folders, not each file: that mode is the one git's untracked cache serves
     * (where the repository has it: core.untrackedCache, feature.manyFiles), which spares reading every folder of
     * the working tree (270-310 -> 170-180 ms at 67k files); with every file asked for, git reads every folder.
     * {@code bin/tia} asks the same before the JVM starts (see {@link LaunchedGit}).
     */
    static final List<String> ARGUMENTS = List.of("status", "--porcelain=v1", "-z", "--untracked-files=normal", "--no-renames",
            "--ignore-submodules=all");

    private NativeGitStatus() {
    }

    /** A status started before its analysis, for the analysis of the same folder to take (see {@link #startAhead}). */
    private static final StartedAhead<Optional<StatusSets>> AHEAD = new StartedAhead<>();

    /** {@link #read} on a thread of its own: the work is the git process's, that thread only waits for it. */
    static CompletableFuture<Optional<StatusSets>> start(Path dir) {
        return AHEAD.take(dir).orElseGet(() -> started(dir));
    }

    /**
     * Starts the status of the working tree at {@code dir} before an analysis of it is set up, for its {@link #start}
     * to take if it comes within two seconds: a face that knows the folder early (the CLI, before it reads its
     * arguments) overlaps git's walk of the working tree with its own start.
     */
    static CompletableFuture<Optional<StatusSets>> startAhead(Path dir) {
        return AHEAD.start(dir, () -> started(dir));
    }

    private static CompletableFuture<Optional<StatusSets>> started(Path dir) {
        return Background.run("tia-git-status", () -> read(dir)).exceptionally(e -> Optional.empty());
    }

    /** @param dir the working tree, or any folder inside it; its status as {@code bin/tia} asked for it, if it did */
    static Optional<StatusSets> read(Path dir) {
        return read(dir, LaunchedGit.output(LaunchedGit.STATUS, dir, ARGUMENTS));
    }

    /**
     * @param launched git's output as {@code bin/tia} read it before the JVM started (see {@link LaunchedGit});
     *     when empty, git is asked now
     */
    static Optional<StatusSets> read(Path dir, Optional<byte[]> launched) {
        Optional<byte[]> output = launched.or(() -> GitCommand.run(dir, ARGUMENTS.toArray(String[]::new)));
        if (output.isEmpty()) {
            return Optional.empty();
        }
        StatusSets status = parse(new String(output.get(), StandardCharsets.UTF_8));
        List<String> folders = status.untracked().stream().filter(path -> path.endsWith("/")).toList();
        if (folders.isEmpty()) {
            return Optional.of(status);
        }
        return untrackedFilesIn(dir, folders).map(inFolders -> {
            ImmutableSet.Builder<String> untracked = ImmutableSet.builder();
            status.untracked().stream().filter(path -> !path.endsWith("/")).forEach(untracked::add);
            return status.withUntracked(untracked.addAll(inFolders).build());
        });
    }

    /**
     * Beyond this many new folders, their files are found in a listing of every untracked file instead: a command
     * line naming each could pass what the system allows (32k characters on Windows).
     */
    static final int MAX_FOLDERS_NAMED = 100;

    /**
     * The untracked files in the untracked {@code folders} git's status named, listed as {@code --untracked-files=all}
     * would have (an untracked repository inside stays a folder): a second, small walk, only when a folder is new.
     * Relative to the working tree's root, as the status's paths are, from whichever folder git runs in.
     */
    private static Optional<ImmutableSet<String>> untrackedFilesIn(Path dir, List<String> folders) {
        List<String> arguments = new ArrayList<>(List.of("ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--"));
        if (folders.size() <= MAX_FOLDERS_NAMED) {
            folders.forEach(folder -> arguments.add(":(top,literal)" + folder));
        } else {
            arguments.add(":(top)"); // every untracked file of the working tree, the folders' among them
        }
        return GitCommand.run(dir, arguments.toArray(String[]::new)).map(output -> {
            ImmutableSet.Builder<String> files = ImmutableSet.builder();
            for (String path : new String(output, StandardCharsets.UTF_8).split("\0")) {
                if (!path.isEmpty()) {
                    files.add(path);
                }
            }
            return files.build();
        });
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
}
