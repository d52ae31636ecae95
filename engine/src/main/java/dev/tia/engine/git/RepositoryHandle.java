package dev.tia.engine.git;

import org.eclipse.jgit.lib.Repository;

import java.util.function.Supplier;

/**
 * JGit's repository, opened when first asked for: a change the git command tells alone (see {@link NativeCheckout})
 * never opens it, and a fresh JVM spares JGit's start.
 */
final class RepositoryHandle implements AutoCloseable {

    private final Supplier<Repository> opener;
    private Repository repository;
    private boolean closed;

    private RepositoryHandle(Supplier<Repository> opener) {
        this.opener = opener;
    }

    /** A repository opened already. */
    static RepositoryHandle of(Repository repository) {
        RepositoryHandle handle = new RepositoryHandle(() -> repository);
        handle.repository = repository;
        return handle;
    }

    /** A repository {@code opener} opens on first use; its failure (a {@code TiaException}) is met by that use. */
    static RepositoryHandle lazy(Supplier<Repository> opener) {
        return new RepositoryHandle(opener);
    }

    /** The repository, opened now if it was not. */
    synchronized Repository get() {
        if (closed) {
            throw new IllegalStateException("the repository was closed");
        }
        if (repository == null) {
            repository = opener.get();
        }
        return repository;
    }

    /** Whether the repository was opened (for tests). */
    synchronized boolean opened() {
        return repository != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (repository != null) {
            repository.close();
        }
    }
}
