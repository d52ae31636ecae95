package dev.tia.engine.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simple name of the type a call's receiver is declared with, when the source says it plainly: {@code new T()},
 * {@code T.staticCall()}, {@code T::ref}, {@code (T) x}, or a parameter, local or field of the enclosing member and
 * type that is in scope at the call and declared with a class type (not {@code var}, not a type variable).
 * Anything less plain has no receiver type, and the call may then reach a method of that name in any type.
 * One instance per file: it remembers each member's declarations.
 *
 * <p>A bare name that is no parameter, local or field (a type, an inherited field, a static import) is written
 * {@code ?Name}: the resolver takes it as a type only if the project has a type of that simple name.
 */
final class ReceiverType {

    /** Prefix of a receiver that is a type only if the project has a type of that simple name. */
    static final String MAYBE = "?";

    /** Declarations per member of the file, found on first use: a file's calls share them. */
    private final Map<Node, Declarations> declarations = new IdentityHashMap<>();

    Optional<String> of(Expression scope) {
        if (scope instanceof EnclosedExpr enclosed) {
            return of(enclosed.getInner());
        }
        if (scope instanceof ObjectCreationExpr creation) {
            // An anonymous subclass has methods of its own.
            return creation.getAnonymousClassBody().isPresent() ? Optional.empty() : declared(creation.getType(), creation);
        }
        if (scope instanceof TypeExpr type) {
            return declared(type.getType(), type);
        }
        if (scope instanceof CastExpr cast) {
            return declared(cast.getType(), cast);
        }
        if (scope instanceof NameExpr name) {
            return variable(name.getNameAsString(), name);
        }
        if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr self && self.getTypeName().isEmpty()) {
            return field(access.getNameAsString(), access).orElse(Optional.empty());
        }
        return Optional.empty();
    }

    /**
     * A parameter or local named {@code name} in scope at {@code use}, else a field of the type around it, else maybe
     * a type. A pattern variable of that name anywhere in the member, or a declaration tia cannot place, leaves the
     * receiver unknown.
     */
    private Optional<String> variable(String name, Node use) {
        Optional<BodyDeclaration<?>> member = memberOf(use);
        if (member.isPresent()) {
            Declarations found = declarations.computeIfAbsent(member.get(), m -> Declarations.of((BodyDeclaration<?>) m));
            if (found.patterns().contains(name)) {
                return Optional.empty();
            }
            List<Node> named = found.byName().getOrDefault(name, List.of());
            Set<String> types = new HashSet<>();
            for (Node declaration : named) {
                if (declaration instanceof VariableDeclarator variable && inScope(variable, scopeOf(variable), use)) {
                    types.add(declared(variable.getType(), use).orElse(""));
                } else if (declaration instanceof Parameter parameter && inScope(parameter, parameter.getParentNode(), use)) {
                    types.add(declared(parameter.getType(), use).orElse(""));
                }
            }
            if (types.size() == 1 && !types.contains("")) {
                return Optional.of(types.iterator().next());
            }
            if (!named.isEmpty()) {
                return Optional.empty(); // shadowed, out of scope here, or declared with different types
            }
        }
        return field(name, use).orElse(Optional.of(MAYBE + name));
    }

    /** The locals, parameters and pattern variables of one member, by name: collected once per member. */
    private record Declarations(Map<String, List<Node>> byName, Set<String> patterns) {
        static Declarations of(BodyDeclaration<?> member) {
            Map<String, List<Node>> byName = new HashMap<>();
            Preorder nodes = Preorder.of(member);
            nodes.all(VariableDeclarator.class).forEach(v -> byName.computeIfAbsent(v.getNameAsString(), n -> new ArrayList<>()).add(v));
            nodes.all(Parameter.class).forEach(p -> byName.computeIfAbsent(p.getNameAsString(), n -> new ArrayList<>()).add(p));
            Set<String> patterns = new HashSet<>();
            nodes.all(TypePatternExpr.class).forEach(p -> patterns.add(p.getNameAsString()));
            return new Declarations(byName, patterns);
        }
    }

    /** Where a local is visible: the block around its statement, or the loop, try or lambda that declares it. */
    private static Optional<Node> scopeOf(VariableDeclarator variable) {
        Optional<Node> declaration = variable.getParentNode();
        if (declaration.isEmpty() || !(declaration.get() instanceof VariableDeclarationExpr)) {
            return declaration; // a field of an anonymous class: visible in its body
        }
        Optional<Node> holder = declaration.get().getParentNode();
        return holder.isPresent() && holder.get() instanceof ExpressionStmt ? holder.get().getParentNode() : holder;
    }

    /** Whether {@code declaration}, visible in {@code scope}, is visible at {@code use}: inside it, and before it. */
    private static boolean inScope(Node declaration, Optional<Node> scope, Node use) {
        if (scope.isEmpty() || !use.isDescendantOf(scope.get())) {
            return false;
        }
        Optional<Position> declared = declaration.getBegin();
        Optional<Position> used = use.getBegin();
        return declared.isPresent() && used.isPresent() && declared.get().isBefore(used.get());
    }

    /**
     * The field {@code name} declared in the named type around {@code use}; empty when that type declares none.
     * Inside an anonymous class an inherited field may shadow it, so the receiver is unknown there.
     */
    private static Optional<Optional<String>> field(String name, Node use) {
        Optional<TypeDeclaration<?>> type = use.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (Optional<Node> node = use.getParentNode(); node.isPresent() && node.get() != type.get();
                node = node.get().getParentNode()) {
            if (node.get() instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
                return Optional.of(Optional.empty());
            }
        }
        for (FieldDeclaration field : type.get().getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getNameAsString().equals(name)) {
                    return Optional.of(declared(variable.getType(), use));
                }
            }
        }
        return Optional.empty();
    }

    /** The member of a named type that holds {@code use} (anonymous and local classes' members included in it). */
    private static Optional<BodyDeclaration<?>> memberOf(Node use) {
        Optional<Node> node = use.getParentNode();
        BodyDeclaration<?> found = null;
        while (node.isPresent()) {
            Node current = node.get();
            if (current instanceof BodyDeclaration<?> body && !(current instanceof TypeDeclaration<?>)) {
                found = body;
            }
            if (current instanceof TypeDeclaration<?> && found != null) {
                return Optional.of(found);
            }
            node = current.getParentNode();
        }
        return Optional.ofNullable(found);
    }

    /** The simple name of a class type, unless it is a type variable in scope at {@code use}. */
    private static Optional<String> declared(Type type, Node use) {
        if (!(type instanceof ClassOrInterfaceType classType)) {
            return Optional.empty();
        }
        String name = classType.getNameAsString();
        Optional<Node> node = Optional.of(use);
        while (node.isPresent()) {
            if (node.get() instanceof NodeWithTypeParameters<?> generic
                    && generic.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
                return Optional.empty();
            }
            node = node.get().getParentNode();
        }
        return Optional.of(name);
    }

}
