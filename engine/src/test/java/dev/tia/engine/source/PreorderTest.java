package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One walk filtered by kind gives exactly what a JavaParser walk per kind gives: the same nodes, in the same order. */
class PreorderTest {

    private static final String SOURCE = """
            package a.b;
            import java.util.List;
            @Deprecated(since = "1")
            public class C<T extends Comparable<T>> extends java.util.AbstractList<T> implements Runnable {
                private final List<String> names = List.of("x.y.Z", "run");
                record Point(int x, int y) { }
                enum Kind { ONE { void f() { } }, TWO }
                @Override public T get(int i) { return null; }
                @Override public int size() { return names.size(); }
                public void run() {
                    var p = new Point(1, 2);
                    Runnable r = this::run;
                    Object o = p;
                    if (o instanceof Point q && q.x() > 0) { System.out.println(a.b.C.class.getName() + q.y()); }
                    switch (p.x()) { case 1 -> names.forEach(System.out::println); default -> { } }
                    new Thread(() -> { int k = names.size(); }).start();
                }
            }
            """;

    @Test
    void filteringOneWalkEqualsFindAll() {
        CompilationUnit unit = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                .parse(SOURCE).getResult().orElseThrow();
        for (Node root : List.<Node>of(unit, unit.findAll(MethodDeclaration.class).get(3))) {
            Preorder nodes = Preorder.of(root);
            for (Class<? extends Node> kind : List.of(Node.class, SimpleName.class, Name.class, MethodReferenceExpr.class,
                    ClassOrInterfaceType.class, FieldAccessExpr.class, StringLiteralExpr.class, AnnotationExpr.class,
                    MethodCallExpr.class, VariableDeclarator.class, Parameter.class, Expression.class)) {
                List<Node> expected = List.copyOf(root.findAll(kind));
                List<Node> found = List.copyOf(nodes.all(kind));
                assertThat(found).as(kind.getSimpleName()).containsExactlyElementsOf(expected);
                if (root == unit) {
                    assertThat(found).as(kind.getSimpleName() + " in the source").isNotEmpty();
                }
            }
        }
    }
}
