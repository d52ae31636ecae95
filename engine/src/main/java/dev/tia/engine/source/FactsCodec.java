package dev.tia.engine.source;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/** Writes and reads {@link FileFacts} in a compact binary form, for the persistent index. */
final class FactsCodec {

    private static final TypeKind[] KINDS = TypeKind.values();

    private FactsCodec() {
    }

    static void write(FileFacts facts, DataOutput out) throws IOException {
        out.writeUTF(facts.packageName());
        out.writeInt(facts.types().size());
        for (DeclaredType type : facts.types()) {
            out.writeUTF(type.name());
            out.writeByte(type.kind().ordinal());
            writeOptional(type.enclosing(), out);
            out.writeBoolean(type.isAbstract());
            out.writeBoolean(type.isStatic());
            writeStrings(type.supertypes(), out);
            writeStrings(type.annotations(), out);
            writeStrings(type.tags(), out);
            out.writeInt(type.methods().size());
            for (MethodFacts method : type.methods()) {
                out.writeUTF(method.name());
                writeStrings(method.annotations(), out);
                writeStrings(method.tags(), out);
            }
            out.writeInt(type.members().size());
            for (MemberFacts member : type.members()) {
                writeMember(member, out);
            }
        }
        writeStrings(facts.imports(), out);
        writeStrings(facts.onDemandImports(), out);
        writeStrings(facts.staticImports(), out);
        writeStrings(facts.staticOnDemandImports(), out);
        writeStrings(facts.identifiers(), out);
        writeStrings(facts.qualifiedNames(), out);
        writeStrings(facts.stringLiterals(), out);
        writeOptional(facts.parseProblem(), out);
        out.writeUTF(facts.codeFingerprint());
        out.writeUTF(facts.skeletonFingerprint());
        writeStrings(facts.annotationClassNames(), out);
        writeStrings(facts.stringWords(), out);
    }

    private static void writeMember(MemberFacts member, DataOutput out) throws IOException {
        out.writeUTF(member.signature());
        out.writeUTF(member.name());
        out.writeInt(member.arity());
        out.writeByte((member.varargs() ? 1 : 0) | (member.isStatic() ? 2 : 0) | (member.isPrivate() ? 4 : 0)
                | (member.frameworkAnnotated() ? 8 : 0));
        out.writeUTF(member.bodyFingerprint());
        writeStrings(member.calls(), out);
    }

    private static MemberFacts readMember(DataInput in) throws IOException {
        String signature = in.readUTF();
        String name = in.readUTF();
        int arity = in.readInt();
        int flags = in.readByte();
        return new MemberFacts(signature, name, arity, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
                in.readUTF(), ImmutableSet.copyOf(readList(in)));
    }

    static FileFacts read(DataInput in) throws IOException {
        String packageName = in.readUTF();
        int typeCount = in.readInt();
        ImmutableList.Builder<DeclaredType> types = ImmutableList.builder();
        for (int i = 0; i < typeCount; i++) {
            String name = in.readUTF();
            TypeKind kind = KINDS[in.readByte()];
            Optional<String> enclosing = readOptional(in);
            boolean isAbstract = in.readBoolean();
            boolean isStatic = in.readBoolean();
            ImmutableList<String> supertypes = readList(in);
            ImmutableList<String> annotations = readList(in);
            ImmutableSet<String> tags = ImmutableSet.copyOf(readList(in));
            int methodCount = in.readInt();
            ImmutableList.Builder<MethodFacts> methods = ImmutableList.builder();
            for (int m = 0; m < methodCount; m++) {
                methods.add(new MethodFacts(in.readUTF(), readList(in), ImmutableSet.copyOf(readList(in))));
            }
            int memberCount = in.readInt();
            if (memberCount < 0 || memberCount > 1_000_000) {
                throw new IOException("implausible member count " + memberCount);
            }
            ImmutableList.Builder<MemberFacts> members = ImmutableList.builderWithExpectedSize(memberCount);
            for (int m = 0; m < memberCount; m++) {
                members.add(readMember(in));
            }
            types.add(new DeclaredType(name, kind, enclosing, isAbstract, isStatic, supertypes, annotations, tags, methods.build(),
                    members.build()));
        }
        return new FileFacts(packageName, types.build(), readList(in), readList(in), readList(in), readList(in),
                ImmutableSet.copyOf(readList(in)), ImmutableSet.copyOf(readList(in)), ImmutableSet.copyOf(readList(in)),
                readOptional(in), in.readUTF(), in.readUTF(), ImmutableSet.copyOf(readList(in)), ImmutableSet.copyOf(readList(in)));
    }

    private static void writeStrings(Collection<String> values, DataOutput out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static ImmutableList<String> readList(DataInput in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 1_000_000) {
            throw new IOException("implausible list size " + size);
        }
        ImmutableList.Builder<String> values = ImmutableList.builderWithExpectedSize(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values.build();
    }

    private static void writeOptional(Optional<String> value, DataOutput out) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
