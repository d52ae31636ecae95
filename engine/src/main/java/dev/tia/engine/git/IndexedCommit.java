package dev.tia.engine.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The files of HEAD's commit as git's index lists them, when the index is exactly that commit's tree (see
 * {@link GitIndex#tree}): each with the blob id the index names. A file's content is read from the working tree when
 * the file there is the commit's (its blob id says so: the working tree may hold edits not committed, or content
 * git's filters changed on checkout), else from the object database, as a commit's tree is read.
 */
final class IndexedCommit extends FileTableTree {

    private final String label;
    private final Path root;
    /** Links: their content is the path they name, read from the object database. */
    private final Set<String> links;

    IndexedCommit(String label, Path root, FileTable files, Set<String> links, RepositoryHandle repository) {
        super(files, repository);
        this.label = label;
        this.root = root;
        this.links = Set.copyOf(links);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public byte[] read(String path) throws IOException {
        int position = files.position(path);
        if (position < 0) {
            throw new NoSuchFileException(path + " at " + label);
        }
        String id = files.id(position).orElseThrow(() -> new NoSuchFileException(path + " at " + label));
        if (!links.contains(path)) {
            try {
                byte[] bytes = Files.readAllBytes(root.resolve(path));
                if (ContentId.of(bytes).equals(id)) {
                    return bytes;
                }
            } catch (IOException e) {
                // gone from the working tree, a folder now, unreadable: the commit's content is in git's objects
            }
        }
        return blob(id);
    }
}
