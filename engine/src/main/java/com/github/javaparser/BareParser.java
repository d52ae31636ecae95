package com.github.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;

/**
 * JavaParser's parse of a compilation unit as tia's {@code JavaFileAnalyzer} configures {@link JavaParser} (Java 21
 * syntax, {@code yield} included; tokens kept; a tab one column wide; no comments attributed; no validation; the
 * Java 21 post-processor, which makes {@code var} a {@code VarType}), without a {@link ParserConfiguration}.
 *
 * <p>Why tia has a class in JavaParser's package: a {@code ParserConfiguration} initialises its
 * {@code LanguageLevel}, whose class initialiser builds every language level's validators (some 120 lambdas linked,
 * hundreds of objects), which tia never runs. That was 45-55 ms of a fresh JVM's first parse (56-66 ms against
 * 101-117 for one file), and a warm run with a changed file waits for that parse. {@code GeneratedJavaParser}, which
 * this drives as {@link JavaParser#parse(String)} does, is package-private. The engine and JavaParser share a class
 * loader in each of tia's faces (the CLI's jar, Maven's plugin realm, a test class path); where they do not, the
 * first call throws an {@link IllegalAccessError} and {@code JavaFileAnalyzer} parses through {@link JavaParser}.
 * Written against JavaParser 3.28.2; {@code BareParserTest} holds the two ways to the same facts and problems.
 */
public final class BareParser {

    private static final PostProcessors JAVA_21_TREE = new Java21PostProcessor();

    private BareParser() {
    }

    /** What {@link JavaParser#parse(String)} returns for {@code source} with that configuration. */
    public static ParseResult<CompilationUnit> parse(String source) {
        GeneratedJavaParser parser = new GeneratedJavaParser(new StringProvider(source));
        parser.setTabSize(1);
        parser.setStoreTokens(true);
        parser.setYieldSupported();
        try {
            ParseResult<CompilationUnit> result = new ParseResult<>(parser.CompilationUnit(), parser.problems,
                    parser.getCommentsCollection());
            // The post-processors read nothing of the configuration they are handed: they rewrite the tree alone.
            JAVA_21_TREE.postProcess(result, null);
            result.getProblems().sort(Problem.PROBLEM_BY_BEGIN_POSITION);
            return result;
        } catch (Exception e) {
            String message = e.getMessage() == null ? "Unknown error" : e.getMessage();
            parser.problems.add(new Problem(message, null, e));
            return new ParseResult<>(null, parser.problems, parser.getCommentsCollection());
        }
    }
}
