package dev.tia.engine.source;

import com.github.javaparser.BareParser;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one Java file into {@link FileFacts}. With {@link MethodBodies}, the only code that touches
 * JavaParser.
 *
 * <p>Name collection is deliberately generous: every identifier and dotted name is kept, and the resolver
 * decides which of them name project types. Missing a name would drop an edge, which is unsafe; an extra
 * name costs at most a test that runs without need.
 */
public final class JavaFileAnalyzer {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

    /**
     * What {@link ParserConfiguration.LanguageLevel#JAVA_21} does to a parsed tree, without its validation: for
     * {@link #parser()} alone. A class of its own, made on that parser's first use: the engine makes an analyzer
     * in every run, and a run that parses nothing (or through {@link BareParser}) should not load JavaParser's
     * processors on the thread that waits for git (5 ms of a fresh JVM).
     */
    private static final class Java21Tree {
        private static final PostProcessors JAVA_21_TREE = new Java21PostProcessor();
        private static final Processor POST_PROCESSOR = new Processor() {
            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                JAVA_21_TREE.postProcess(result, configuration);
            }
        };
    }

    /** Whether {@link BareParser} can reach JavaParser's parser from here (see its comment); until it cannot, yes. */
    private static volatile boolean bare = true;

    /**
     * {@code source} parsed as {@link #parser()} would, through {@link BareParser} (which skips building every
     * language level's validators, 45-55 ms of a fresh JVM's first parse) while it can reach JavaParser's parser.
     */
    static ParseResult<CompilationUnit> parse(String source) {
        if (bare) {
            try {
                return BareParser.parse(source);
            } catch (IllegalAccessError e) {
                bare = false; // JavaParser in a class loader of its own
            }
        }
        return parser().parse(source);
    }

    /** A parser per call: JavaParser instances are not thread-safe, and files are parsed in parallel. */
    static JavaParser parser() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(false)
                // Positions come from tokens: MethodBodies cuts bodies by them, and errors report their line. Measured
                // on 3,000 generated files: parsing takes the same time with or without them.
                .setStoreTokens(true)
                .setTabSize(1); // a tab is one column, so a position is an offset into its line
        // The language level's processor runs its validator after the parse: two dozen checks a compiler makes
        // (modifiers that do not go together, `_` or `var` as a name, ...), several walking the whole tree. They
        // take a third of a parse and change no node; a file that breaks one fails its compile, not tia's
        // reading of its names. The one that bears on names, a module import (Java 25), tia checks itself (see
        // analyze). Only the post-processor, which makes `var` a VarType, changes the tree: it is kept.
        // The other processors do what this configuration turned off (comments, lexical preservation, a symbol
        // resolver) or note the line separator for printing.
        configuration.getProcessors().clear();
        configuration.getProcessors().add(() -> Java21Tree.POST_PROCESSOR);
        return new JavaParser(configuration);
    }

    /**
     * Analyzes {@code source}; never throws for bad input.
     *
     * @param path the file's path, used to guess its package and type when it does not parse
     */
    public FileFacts analyze(String path, String source) {
        ParseResult<CompilationUnit> result;
        try {
            result = parse(source);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                return unparseable(path, source, describe(result.getProblems()));
            }
        } catch (RuntimeException | StackOverflowError e) {
            return unparseable(path, source, "the parser failed: " + e);
        }
        CompilationUnit unit = result.getResult().get();
        Optional<ImportDeclaration> moduleImport = unit.getImports().stream().filter(ImportDeclaration::isModule).findFirst();
        if (moduleImport.isPresent()) {
            return unparseable(path, source, moduleImportProblem(moduleImport.get()));
        }
        return new FileVisitor(unit, CodeFingerprint.of(source), new MethodBodies(source)).facts();
    }

    /**
     * Why a file with {@code import module M;} (Java 25) is not read: it makes every type of the packages module M
     * exports known by its simple name, and tia does not know which packages those are. Read as a single-type
     * import, the file's references to them would be lost, and tests it can break skipped. (JavaParser's Java 21
     * validation used to refuse such a file; without it, the grammar accepts it.)
     */
    private static String moduleImportProblem(ImportDeclaration declaration) {
        String line = declaration.getBegin().map(position -> " at line " + position.line).orElse("");
        return "import module " + declaration.getNameAsString() + line + ", whose types tia does not look up";
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "syntax error";
        }
        Problem first = problems.get(0);
        String line = first.getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> "line " + r.begin.line + ": ").orElse("");
        String message = first.getMessage().lines().findFirst().orElse("");
        // JavaParser lists every token it would have accepted; the token it found is what a person needs.
        int expected = message.indexOf(", expected");
        if (expected > 0) {
            message = message.substring(0, expected);
        }
        message = message.replace("Parse error. ", "").trim();
        return "syntax error at " + line + (message.isEmpty() ? "unexpected input" : message);
    }

    private static FileFacts unparseable(String path, String source, String problem) {
        Optional<String> packageName = source.lines().map(String::trim).filter(l -> l.startsWith("package "))
                .findFirst().map(l -> l.substring("package ".length()).replace(";", "").trim());
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String simpleName = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String pkg = packageName.orElse("");
        return FileFacts.unparseable(pkg, Optional.of(pkg.isEmpty() ? simpleName : pkg + "." + simpleName), problem,
                CodeFingerprint.of(source));
    }

    /** Collects the facts of one parsed compilation unit. */
    private static final class FileVisitor {
        private final CompilationUnit unit;
        /** The unit's nodes, walked once for every kind the facts ask for. */
        private final Preorder nodes;
        private final String packageName;
        private final List<DeclaredType> types = new ArrayList<>();
        private final Fingerprint fingerprint;
        private final MethodBodies bodies;

        FileVisitor(CompilationUnit unit, Fingerprint fingerprint, MethodBodies bodies) {
            this.unit = unit;
            this.nodes = Preorder.of(unit);
            this.fingerprint = fingerprint;
            this.bodies = bodies;
            this.packageName = unit.getPackageDeclaration().map(PackageDeclaration::getNameAsString).orElse("");
        }

        FileFacts facts() {
            for (TypeDeclaration<?> type : unit.getTypes()) {
                declare(type, packageName.isEmpty() ? type.getNameAsString() : packageName + "." + type.getNameAsString(),
                        Optional.empty());
            }
            List<String> imports = new ArrayList<>();
            List<String> onDemand = new ArrayList<>();
            List<String> staticImports = new ArrayList<>();
            List<String> staticOnDemand = new ArrayList<>();
            for (ImportDeclaration declaration : unit.getImports()) {
                String name = declaration.getNameAsString();
                if (declaration.isStatic()) {
                    (declaration.isAsterisk() ? staticOnDemand : staticImports).add(name);
                } else {
                    (declaration.isAsterisk() ? onDemand : imports).add(name);
                }
            }
            ImmutableSet<String> qualifiedNames = qualifiedNames();
            return new FileFacts(packageName, ImmutableList.copyOf(types), ImmutableList.copyOf(imports),
                    ImmutableList.copyOf(onDemand), ImmutableList.copyOf(staticImports), ImmutableList.copyOf(staticOnDemand),
                    identifiers(qualifiedNames), qualifiedNames, stringLiterals(), Optional.empty(), fingerprint, bodies.skeletonFingerprint(),
                    annotationClassNames(), stringWords());
        }

        private void declare(TypeDeclaration<?> type, String name, Optional<String> enclosing) {
            TypeKind kind;
            List<String> supertypes = new ArrayList<>();
            boolean isAbstract = false;
            boolean isStatic = enclosing.isPresent();
            if (type instanceof ClassOrInterfaceDeclaration declaration) {
                kind = declaration.isInterface() ? TypeKind.INTERFACE : TypeKind.CLASS;
                isAbstract = declaration.isInterface() || declaration.isAbstract();
                isStatic = enclosing.isPresent() && (declaration.isInterface() || declaration.isStatic());
                declaration.getExtendedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
                declaration.getImplementedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
            } else if (type instanceof EnumDeclaration declaration) {
                kind = TypeKind.ENUM;
                declaration.getImplementedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
            } else if (type instanceof RecordDeclaration declaration) {
                kind = TypeKind.RECORD;
                declaration.getImplementedTypes().forEach(t -> supertypes.add(t.getNameWithScope()));
            } else if (type instanceof AnnotationDeclaration) {
                kind = TypeKind.ANNOTATION;
            } else {
                kind = TypeKind.CLASS;
            }
            List<MethodFacts> methods = new ArrayList<>();
            for (MethodDeclaration method : type.getMethods()) {
                boolean junit3Style = method.getNameAsString().startsWith("test") && method.getParameters().isEmpty()
                        && method.isPublic() && !method.isStatic();
                if (!method.getAnnotations().isEmpty() || junit3Style) {
                    methods.add(new MethodFacts(method.getNameAsString(), annotationNames(method), tags(method)));
                }
            }
            types.add(new DeclaredType(name, kind, enclosing, isAbstract, isStatic, ImmutableList.copyOf(supertypes),
                    annotationNames(type), tags(type), ImmutableList.copyOf(methods), bodies.members(type)));
            for (BodyDeclaration<?> member : type.getMembers()) {
                if (member instanceof TypeDeclaration<?> nested) {
                    declare(nested, name + "." + nested.getNameAsString(), Optional.of(name));
                }
            }
        }

        private static ImmutableList<String> annotationNames(NodeWithAnnotations<?> node) {
            return node.getAnnotations().stream().map(AnnotationExpr::getNameAsString).collect(ImmutableList.toImmutableList());
        }

        private static ImmutableSet<String> tags(NodeWithAnnotations<?> node) {
            Set<String> tags = new LinkedHashSet<>();
            for (AnnotationExpr annotation : node.getAnnotations()) {
                String simple = simpleName(annotation.getNameAsString());
                if (simple.equals("Tag")) {
                    annotationValue(annotation).ifPresent(v -> stringValues(v, tags));
                } else if (simple.equals("Tags")) {
                    annotationValue(annotation).ifPresent(v -> {
                        List<Expression> inner = v instanceof ArrayInitializerExpr array ? array.getValues() : List.of(v);
                        for (Expression expression : inner) {
                            if (expression instanceof AnnotationExpr tag) {
                                annotationValue(tag).ifPresent(t -> stringValues(t, tags));
                            }
                        }
                    });
                }
            }
            return ImmutableSet.copyOf(tags);
        }

        private static Optional<Expression> annotationValue(AnnotationExpr annotation) {
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                return Optional.of(single.getMemberValue());
            }
            if (annotation instanceof NormalAnnotationExpr normal) {
                return normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                        .map(MemberValuePair::getValue).findFirst();
            }
            return Optional.empty();
        }

        private static void stringValues(Expression expression, Set<String> into) {
            if (expression instanceof StringLiteralExpr literal) {
                into.add(literal.asString());
            } else if (expression instanceof ArrayInitializerExpr array) {
                array.getValues().forEach(v -> stringValues(v, into));
            }
        }

        /**
         * Includes every segment of every {@link #qualifiedNames()} entry, which the resolution cache relies on, and
         * the name of every method reference ({@code Cart::total}, a plain string in the syntax tree), so that every
         * method a file calls is among its identifiers, which the member-level walk relies on.
         */
        private ImmutableSet<String> identifiers(Set<String> qualifiedNames) {
            Set<String> names = new LinkedHashSet<>();
            nodes.all(SimpleName.class).forEach(n -> names.add(n.getIdentifier()));
            nodes.all(MethodReferenceExpr.class).forEach(r -> names.add(r.getIdentifier()));
            for (Name name : nodes.all(Name.class)) {
                if (!insideImportOrPackage(name)) {
                    names.add(name.getIdentifier());
                }
            }
            for (String qualified : qualifiedNames) {
                names.addAll(Arrays.asList(qualified.split("\\.")));
            }
            return ImmutableSet.copyOf(names);
        }

        private ImmutableSet<String> qualifiedNames() {
            Set<String> names = new LinkedHashSet<>();
            for (ClassOrInterfaceType type : nodes.all(ClassOrInterfaceType.class)) {
                if (type.getScope().isPresent()) {
                    names.add(type.getNameWithScope());
                }
            }
            for (FieldAccessExpr access : nodes.all(FieldAccessExpr.class)) {
                dottedName(access).ifPresent(names::add);
            }
            for (Name name : nodes.all(Name.class)) {
                if (name.getQualifier().isPresent() && !insideImportOrPackage(name)) {
                    names.add(name.asString());
                }
            }
            return ImmutableSet.copyOf(names);
        }

        private ImmutableSet<String> stringLiterals() {
            Set<String> literals = new LinkedHashSet<>();
            for (StringLiteralExpr literal : nodes.all(StringLiteralExpr.class)) {
                String value = literal.getValue();
                // "a.b.Factory#method" and "a.b.Factory#method(int)" name a type and one of its methods
                // (@MethodSource, @FieldSource): the type part is a reference like any other.
                int hash = value.indexOf('#');
                String type = hash > 0 ? value.substring(0, hash) : value;
                if (type.length() < 256 && QUALIFIED_NAME.matcher(type).matches()) {
                    literals.add(type);
                }
            }
            return ImmutableSet.copyOf(literals);
        }

        private ImmutableSet<String> annotationClassNames() {
            Set<String> names = new LinkedHashSet<>();
            for (AnnotationExpr annotation : nodes.all(AnnotationExpr.class)) {
                for (ClassExpr literal : annotation.findAll(ClassExpr.class)) {
                    if (literal.getType() instanceof ClassOrInterfaceType type) {
                        names.add(type.getNameAsString());
                    }
                }
            }
            return ImmutableSet.copyOf(names);
        }

        private ImmutableSet<String> stringWords() {
            Set<String> words = new LinkedHashSet<>();
            for (StringLiteralExpr literal : nodes.all(StringLiteralExpr.class)) {
                String value = literal.getValue();
                int hash = value.indexOf('#');
                if (hash >= 0 && hash < 256) {
                    // "Factory#method", "#method(int)": a method named for reflection
                    Matcher method = IDENTIFIER.matcher(value.substring(hash + 1));
                    if (method.lookingAt()) {
                        words.add(method.group());
                    }
                }
                if (value.length() <= 64 && IDENTIFIER.matcher(value).matches()) {
                    words.add(value);
                } else if (value.length() < 4096) {
                    // Expression languages in annotations and strings: "@security.check(#id)", "#{bean.total()}"
                    Matcher call = MemberFacts.WRITTEN_CALL.matcher(value);
                    while (call.find()) {
                        words.add(call.group(1));
                    }
                }
            }
            return ImmutableSet.copyOf(words);
        }

        private static Optional<String> dottedName(Expression expression) {
            if (expression instanceof NameExpr name) {
                return Optional.of(name.getNameAsString());
            }
            if (expression instanceof FieldAccessExpr access) {
                return dottedName(access.getScope()).map(scope -> scope + "." + access.getNameAsString());
            }
            return Optional.empty();
        }

        private static boolean insideImportOrPackage(Node node) {
            Optional<Node> parent = node.getParentNode();
            while (parent.isPresent()) {
                Node p = parent.get();
                if (p instanceof ImportDeclaration || p instanceof PackageDeclaration) {
                    return true;
                }
                if (!(p instanceof Name)) {
                    return false;
                }
                parent = p.getParentNode();
            }
            return false;
        }

        private static String simpleName(String name) {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
