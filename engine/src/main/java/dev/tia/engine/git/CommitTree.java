package dev.tia.engine.git;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableList;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The files of one commit, read from the object database. */
final class CommitTree implements SourceTree {

    private final RepositoryHandle repository;
    private final String label;
    private final ImmutableMap<String, ObjectId> blobs;
    private final ImmutableList<String> files;

    private CommitTree(RepositoryHandle repository, String label, ImmutableMap<String, ObjectId> blobs) {
        this.repository = repository;
        this.label = label;
        this.blobs = blobs;
        // Once: each reader of the list walked a sorted copy of its own.
        this.files = FileTable.of(blobs.keySet().toArray(String[]::new), new String[blobs.size()]).paths();
    }

    static CommitTree of(RepositoryHandle repository, RevCommit commit) throws IOException {
        return of(repository, commit, Optional.empty());
    }

    /** No files of {@code label}. */
    static CommitTree empty(RepositoryHandle repository, String label) {
        return new CommitTree(repository, label, ImmutableMap.of());
    }

    /** The files of commit {@code label} whose blob ids are known already: {@code blobs}, read when asked. */
    static CommitTree of(RepositoryHandle repository, String label, Map<String, ObjectId> blobs) {
        return new CommitTree(repository, label, ImmutableMap.copyOf(blobs));
    }

    /** Only {@code paths} of the commit (those that exist there): cheap when a few files are needed. */
    static CommitTree of(RepositoryHandle repository, RevCommit commit, Optional<Collection<String>> paths) throws IOException {
        ImmutableMap.Builder<String, ObjectId> blobs = ImmutableMap.builder();
        try (TreeWalk walk = new TreeWalk(repository.get())) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            paths.filter(p -> !p.isEmpty()).ifPresent(p -> walk.setFilter(PathFilterGroup.createFromStrings(p)));
            while (walk.next()) {
                // Submodules (gitlinks) have no content here; they are not part of this project's sources.
                if (walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB && walk.getFileMode(0) != FileMode.GITLINK) {
                    blobs.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
        return new CommitTree(repository, commit.name(), blobs.build());
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public ImmutableList<String> files() {
        return files;
    }

    @Override
    public boolean contains(String path) {
        return blobs.containsKey(path);
    }

    @Override
    public Optional<String> contentId(String path) {
        return Optional.ofNullable(blobs.get(path)).map(ObjectId::name);
    }

    @Override
    public byte[] read(String path) throws IOException {
        ObjectId id = blobs.get(path);
        if (id == null) {
            throw new NoSuchFileException(path + " at " + label);
        }
        return repository.get().open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }
}
