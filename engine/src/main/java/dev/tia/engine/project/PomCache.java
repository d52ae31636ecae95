package dev.tia.engine.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import dev.tia.engine.io.CacheFolder;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.io.FileBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The poms read by earlier runs, by content id (git's blob id), so a warm run parses no XML: in a fresh JVM a pom
 * costs about a millisecond to parse, the XML parser's own start-up aside, and a reactor can hold hundreds.
 *
 * <p>One small file beside the facts index, rewritten whole (atomically) when a run parsed a pom it did not hold;
 * it then keeps only the poms that run read. What a pom says depends on its bytes alone, so a model found by
 * content is the model a parse would give. A missing or foreign file means parsing; a corrupt one is reported
 * once and parsed again. Poms that fail to parse are never stored: every run reports them.
 */
public final class PomCache {

    private static final String MAGIC = "tia-poms";
    static final int FORMAT_VERSION = 1;
    static final String FILE_NAME = "poms-v" + FORMAT_VERSION + ".bin";

    private final Path file;
    private final String tiaVersion;
    private final Map<String, PomModel> stored;
    private final Map<String, PomModel> used = new HashMap<>();
    private final Optional<String> problem;
    private int parsed;

    private PomCache(Path file, String tiaVersion, Map<String, PomModel> stored, Optional<String> problem) {
        this.file = file;
        this.tiaVersion = tiaVersion;
        this.stored = stored;
        this.problem = problem;
    }

    /** Remembers nothing and writes nothing. */
    public static PomCache none() {
        return new PomCache(null, "", Map.of(), Optional.empty());
    }

    /** Loads what {@code dir} holds; anything unreadable means parsing every pom. */
    public static PomCache load(Path dir, String tiaVersion) {
        Path file = dir.resolve(FILE_NAME);
        try {
            CacheFraming.Payload payload = CacheFraming.unframe(FileBytes.read(file), MAGIC, FORMAT_VERSION, tiaVersion);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload.bytes(), payload.start(),
                    payload.end() - payload.start()));
            int count = count(in);
            Map<String, PomModel> stored = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                stored.put(readString(in), readPom(in));
            }
            return new PomCache(file, tiaVersion, stored, Optional.empty());
        } catch (NoSuchFileException | CacheFraming.ForeignException e) {
            return new PomCache(file, tiaVersion, Map.of(), Optional.empty());
        } catch (CacheFraming.CorruptException | EOFException | RuntimeException e) {
            return new PomCache(file, tiaVersion, Map.of(),
                    Optional.of("the stored poms " + file + " are corrupt (" + e.getMessage() + "); reading the poms again"));
        } catch (IOException e) {
            return new PomCache(file, tiaVersion, Map.of(),
                    Optional.of("the stored poms " + file + " cannot be read (" + e.getMessage() + "); reading the poms again"));
        }
    }

    /** Why the stored poms were discarded, if they were. */
    public Optional<String> problem() {
        return problem;
    }

    /** How many poms this run parsed (none on a warm run whose poms did not change). */
    public int parsed() {
        return parsed;
    }

    /** A pom's bytes, read only when they must be parsed. */
    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }

    /**
     * The model of the pom at {@code path}: stored by content id, else parsed (and stored when it has an id).
     *
     * @throws dev.tia.engine.TiaException when the pom does not parse
     */
    PomModel read(String path, Optional<String> contentId, Content content) throws IOException {
        if (contentId.isPresent()) {
            PomModel known = stored.get(contentId.get());
            if (known != null) {
                used.put(contentId.get(), known);
                return known;
            }
        }
        parsed++;
        PomModel model = PomReader.read(path, content.read());
        contentId.ifPresent(id -> used.put(id, model));
        return model;
    }

    /**
     * Writes the poms of this run when it parsed one it could store.
     *
     * @return a problem to report, if they could not be written (the analysis itself is unaffected)
     */
    public Optional<String> save() {
        if (file == null || used.keySet().stream().allMatch(stored::containsKey)) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(used.size());
            for (Map.Entry<String, PomModel> entry : used.entrySet()) {
                writeString(out, entry.getKey());
                writePom(out, entry.getValue());
            }
            out.flush();
            CacheFolder.write(file, CacheFraming.framed(MAGIC, FORMAT_VERSION, tiaVersion, bytes.toByteArray()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write the stored poms " + file + ": " + e.getMessage() + " (the next run reads them again)");
        }
    }

    private static void writePom(DataOutputStream out, PomModel pom) throws IOException {
        writeOptional(out, pom.groupId());
        writeString(out, pom.artifactId());
        writeOptional(out, pom.version());
        writeString(out, pom.packaging());
        out.writeBoolean(pom.parent().isPresent());
        if (pom.parent().isPresent()) {
            PomModel.Parent parent = pom.parent().get();
            writeString(out, parent.groupId());
            writeString(out, parent.artifactId());
            writeOptional(out, parent.version());
            writeString(out, parent.relativePath());
        }
        writeList(out, pom.modules());
        out.writeInt(pom.dependencies().size());
        for (Coordinates dependency : pom.dependencies()) {
            writeString(out, dependency.groupId());
            writeString(out, dependency.artifactId());
        }
        out.writeInt(pom.properties().size());
        for (Map.Entry<String, String> property : pom.properties().entrySet()) {
            writeString(out, property.getKey());
            writeString(out, property.getValue());
        }
        writeOptional(out, pom.sourceDirectory());
        writeOptional(out, pom.testSourceDirectory());
        writeList(out, pom.resourceDirectories());
        writeList(out, pom.testResourceDirectories());
        writeList(out, pom.extraSourceDirectories());
        writeList(out, pom.extraTestSourceDirectories());
    }

    private static PomModel readPom(DataInputStream in) throws IOException {
        Optional<String> groupId = readOptional(in);
        String artifactId = readString(in);
        Optional<String> version = readOptional(in);
        String packaging = readString(in);
        Optional<PomModel.Parent> parent = in.readBoolean()
                ? Optional.of(new PomModel.Parent(readString(in), readString(in), readOptional(in), readString(in)))
                : Optional.empty();
        ImmutableList<String> modules = readList(in);
        int dependencyCount = count(in);
        ImmutableList.Builder<Coordinates> dependencies = ImmutableList.builderWithExpectedSize(dependencyCount);
        for (int i = 0; i < dependencyCount; i++) {
            dependencies.add(new Coordinates(readString(in), readString(in)));
        }
        int propertyCount = count(in);
        ImmutableMap.Builder<String, String> properties = ImmutableMap.builderWithExpectedSize(propertyCount);
        for (int i = 0; i < propertyCount; i++) {
            properties.put(readString(in), readString(in));
        }
        return new PomModel(groupId, artifactId, version, packaging, parent, modules, dependencies.build(),
                properties.buildOrThrow(), readOptional(in), readOptional(in), readList(in), readList(in), readList(in),
                readList(in));
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            writeString(out, value.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static ImmutableList<String> readList(DataInputStream in) throws IOException {
        int size = count(in);
        ImmutableList.Builder<String> values = ImmutableList.builderWithExpectedSize(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values.build();
    }

    /** Length and UTF-8 bytes: {@code writeUTF} stops at 64 KB, and a property value may be longer. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A size read back, which cannot exceed the bytes left (every element takes at least four). */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new CacheFraming.CorruptException("a size of " + count + " where " + in.available() + " bytes remain");
        }
        return count;
    }
}
