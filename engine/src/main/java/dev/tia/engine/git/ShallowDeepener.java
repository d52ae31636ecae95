package dev.tia.engine.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Fetches more history into a shallow clone until the base and the merge-base are there: the base branch and
 * the current branch, each at growing depths, from {@code origin} only. Bounded: at most a few fetches, up to
 * {@value #MAX_DEPTH} commits deep.
 */
final class ShallowDeepener {

    private static final int[] DEPTHS = {50, 250, 1000};
    static final int MAX_DEPTH = 1000;
    private static final String REMOTE = "origin";

    private final Repository repository;

    ShallowDeepener(Repository repository) {
        this.repository = repository;
    }

    boolean hasRemote() {
        return repository.getConfig().getSubsections("remote").contains(REMOTE);
    }

    /**
     * Deepens until {@code found} says what was missing is there.
     *
     * @param baseRef the base as the user named it ({@code origin/main}, {@code main})
     * @return a note on what was fetched, or empty when fetching did not help (or was not possible)
     */
    Optional<String> deepenUntil(String baseRef, BooleanSupplier found) {
        String baseBranch = baseRef.startsWith(REMOTE + "/") ? baseRef.substring(REMOTE.length() + 1) : baseRef;
        if (!hasRemote() || !Repository.isValidRefName("refs/heads/" + baseBranch)) {
            return Optional.empty(); // HEAD~3 or a commit id: nothing to fetch by name
        }
        List<RefSpec> specs = new ArrayList<>();
        specs.add(new RefSpec("+refs/heads/" + baseBranch + ":refs/remotes/" + REMOTE + "/" + baseBranch));
        try {
            String current = repository.getBranch();
            if (current != null && repository.exactRef("refs/heads/" + current) != null && !current.equals(baseBranch)) {
                specs.add(new RefSpec("+refs/heads/" + current + ":refs/remotes/" + REMOTE + "/" + current));
            }
        } catch (java.io.IOException e) {
            // a detached or odd HEAD: deepen the base alone
        }
        for (int depth : DEPTHS) {
            try {
                Git.wrap(repository).fetch().setRemote(REMOTE).setRefSpecs(specs).setDepth(depth).call();
            } catch (GitAPIException | RuntimeException e) {
                // one spec may name a branch the remote lacks; try the base alone before giving up
                if (specs.size() > 1) {
                    specs = List.of(specs.get(0));
                    try {
                        Git.wrap(repository).fetch().setRemote(REMOTE).setRefSpecs(specs).setDepth(depth).call();
                    } catch (GitAPIException | RuntimeException again) {
                        return Optional.empty();
                    }
                } else {
                    return Optional.empty();
                }
            }
            if (found.getAsBoolean()) {
                return Optional.of("fetched " + depth + " commits of history from " + REMOTE + " into this shallow clone");
            }
        }
        return Optional.empty();
    }
}
