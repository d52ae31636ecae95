package dev.tia.engine.source;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits one parsed file into its method bodies and the rest (the skeleton), and records what each method
 * calls: the facts member-level narrowing stands on.
 *
 * <p>Bodies are cut from the source text by the parser's positions, so the skeleton keeps every token outside
 * method bodies exactly. When positions do not land on braces (a file the parser counted differently), the
 * skeleton is unknown and the file keeps the class-level rule.
 */
final class MethodBodies {

    private final String source;
    private final int[] lineStarts;
    /** Body ranges cut from the skeleton, as [start, end) offsets. */
    private final List<int[]> cuts = new ArrayList<>();
    private boolean positionsTrusted = true;
    private final ReceiverType receivers = new ReceiverType();

    MethodBodies(String source) {
        this.source = source;
        this.lineStarts = lineStarts(source);
    }

    /** The methods of {@code type} (not of its nested types) and, when it has any, its other code. */
    ImmutableList<MemberFacts> members(TypeDeclaration<?> type) {
        List<MemberFacts> members = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        Set<String> otherCalls = new LinkedHashSet<>();
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof MethodDeclaration method) {
                MemberFacts facts = method(method);
                if (!signatures.add(facts.signature())) {
                    positionsTrusted = false; // two methods tia cannot tell apart: compare whole classes
                }
                members.add(facts);
            } else if (!(member instanceof TypeDeclaration<?>)) {
                collectCalls(member, otherCalls);
            }
        }
        if (type instanceof EnumDeclaration enumeration) {
            enumeration.getEntries().forEach(entry -> collectCalls(entry, otherCalls));
        }
        if (!otherCalls.isEmpty()) {
            members.add(new MemberFacts(MemberFacts.OTHER_CODE, MemberFacts.OTHER_CODE, 0, false, false, false, false,
                    Fingerprint.NONE, ImmutableSet.copyOf(otherCalls)));
        }
        return ImmutableList.copyOf(members);
    }

    /**
     * The fingerprint of the file without the method bodies seen by {@link #members}; {@link Fingerprint#NONE} when
     * unknown.
     */
    Fingerprint skeletonFingerprint() {
        if (!positionsTrusted) {
            return Fingerprint.NONE;
        }
        List<int[]> sorted = new ArrayList<>(cuts);
        sorted.sort(Comparator.comparingInt(c -> c[0]));
        StringBuilder skeleton = new StringBuilder(source.length());
        int from = 0;
        for (int[] cut : sorted) {
            if (cut[0] < from) {
                return Fingerprint.NONE;
            }
            skeleton.append(source, from, cut[0]).append("{}");
            from = cut[1];
        }
        skeleton.append(source, from, source.length());
        return CodeFingerprint.of(skeleton.toString());
    }

    private MemberFacts method(MethodDeclaration method) {
        String name = method.getNameAsString();
        int arity = method.getParameters().size();
        boolean varargs = arity > 0 && method.getParameter(arity - 1).isVarArgs();
        String signature = name + method.getParameters().stream().map(MethodBodies::parameterType)
                .collect(Collectors.joining(",", "(", ")"));
        boolean framework = method.getAnnotations().stream().map(AnnotationExpr::getNameAsString)
                .anyMatch(n -> !MemberFacts.isInert(n));
        Set<String> calls = new LinkedHashSet<>();
        Fingerprint body = Fingerprint.NONE;
        if (method.getBody().isPresent()) {
            BlockStmt block = method.getBody().get();
            body = bodyFingerprint(block);
            collectCalls(block, calls);
        }
        return new MemberFacts(signature, name, arity, varargs, method.isStatic(), method.isPrivate(), framework, body,
                ImmutableSet.copyOf(calls));
    }

    private static String parameterType(Parameter parameter) {
        return parameter.getType().asString() + (parameter.isVarArgs() ? "..." : "");
    }

    private Fingerprint bodyFingerprint(BlockStmt body) {
        Optional<int[]> span = body.getRange().flatMap(this::span);
        if (span.isEmpty()) {
            positionsTrusted = false;
            return Fingerprint.NONE;
        }
        int[] cut = span.get();
        cuts.add(cut);
        return CodeFingerprint.of(source.substring(cut[0], cut[1]));
    }

    /** The [start, end) offsets of a block, when they land on its braces. */
    private Optional<int[]> span(Range range) {
        int start = offset(range.begin);
        int end = offset(range.end) + 1;
        if (start < 0 || end > source.length() || start >= end || source.charAt(start) != '{' || source.charAt(end - 1) != '}') {
            return Optional.empty();
        }
        return Optional.of(new int[] {start, end});
    }

    private int offset(Position position) {
        if (position.line < 1 || position.line > lineStarts.length || position.column < 1) {
            return -1;
        }
        return lineStarts[position.line - 1] + position.column - 1;
    }

    /** Where each line starts; {@code \r\n}, {@code \r} and {@code \n} end a line, as for the parser. */
    private static int[] lineStarts(String source) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Calls as {@code name/arity}, with {@code @Receiver} when the receiver's declared type is plain (see {@link ReceiverType}). */
    private void collectCalls(Node node, Set<String> into) {
        Preorder nodes = Preorder.of(node);
        for (MethodCallExpr call : nodes.all(MethodCallExpr.class)) {
            String key = call.getNameAsString() + "/" + call.getArguments().size();
            into.add(call.getScope().flatMap(receivers::of).map(type -> key + "@" + type).orElse(key));
        }
        for (MethodReferenceExpr reference : nodes.all(MethodReferenceExpr.class)) {
            String key = reference.getIdentifier() + "/" + MemberFacts.ANY_ARITY;
            into.add(receivers.of(reference.getScope()).map(type -> key + "@" + type).orElse(key));
        }
    }
}
