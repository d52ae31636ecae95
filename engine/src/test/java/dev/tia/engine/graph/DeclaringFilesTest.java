package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.RepositoryConfig;
import dev.tia.engine.git.ChangeSet;
import dev.tia.engine.git.GitRepo;
import dev.tia.engine.git.SourceTree;
import dev.tia.engine.project.Workspace;
import dev.tia.engine.project.WorkspaceLoader;
import dev.tia.engine.source.JavaFileAnalyzer;
import dev.tia.engine.source.NameResolver;
import dev.tia.engine.source.ResolutionCache;
import dev.tia.engine.source.Resolutions;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TestCatalog;
import dev.tia.engine.source.TypeRef;
import dev.tia.engine.source.TypeUniverse;
import dev.tia.fixtures.FixtureRepo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files declaring each type, as a build notes them while it numbers the types, are those the stored graph's
 * lookup finds after it (which a patched graph's store still uses): what the store keeps, and whether it may be patched.
 */
class DeclaringFilesTest {

    private static final String POM = "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
            + "<groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>";

    @TempDir
    Path dir;

    @Test
    void aBuildNotesTheFilesTheLookupFinds() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", POM);
        files.put("src/main/java/p/A.java", "package p; public class A { B b; static class Inner {} } class Mate {}");
        files.put("src/main/java/p/B.java", "package p; public class B { }");
        files.put("src/main/java/q/Empty.java", "package q;");
        files.put("src/test/java/p/ATest.java", "package p; class ATest { @org.junit.jupiter.api.Test void t() { new A(); } }");
        Built built = build(files);

        DeclaringFiles noted = notedAsFound(built);
        assertThat(noted.once()).isTrue();
        int size = built.graph().adjacency().size();
        // Numbered from 1 in the index's order: A.java first, its three types; the test file fourth, the empty file third.
        Adjacency graph = built.graph().adjacency();
        assertThat(noted.byNode(size)[graph.findType(new TypeRef("", "p.A"))]).isEqualTo(1);
        assertThat(noted.byNode(size)[graph.findType(new TypeRef("", "p.A.Inner"))]).isEqualTo(1);
        assertThat(noted.byNode(size)[graph.findType(new TypeRef("", "p.Mate"))]).isEqualTo(1);
        assertThat(noted.byNode(size)[graph.findType(new TypeRef("", "p.B"))]).isEqualTo(2);
        assertThat(noted.byNode(size)[graph.findType(new TypeRef("", "p.ATest"))]).isEqualTo(4);
    }

    @Test
    void aTypeDeclaredByTwoFilesMakesTheGraphUnpatchableEitherWay() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", POM);
        files.put("src/main/java/p/A.java", "package p; public class A { }");
        // A file being moved: the old copy and the new one declare the same type.
        files.put("src/main/java/p/Copy.java", "package p; public class A { }");
        assertThat(notedAsFound(build(files)).once()).isFalse();
    }

    /** What the build noted, once held to what the lookup finds in the same graph: the same files, the same verdict. */
    private static DeclaringFiles notedAsFound(Built built) {
        DeclaringFiles noted = built.graph().declaringFiles().orElseThrow();
        DeclaringFiles found = GraphStore.declaringFiles(built.index(), built.graph().adjacency());
        int size = built.graph().adjacency().size();
        assertThat(noted.byNode(size)).containsExactly(found.byNode(size));
        assertThat(noted.once()).isEqualTo(found.once());
        return noted;
    }

    private record Built(SourceIndex index, DependencyGraph graph) {
    }

    private Built build(Map<String, String> files) {
        try (FixtureRepo repo = FixtureRepo.init(dir)) {
            files.forEach(repo::write);
            repo.commitAll("given");
        }
        try (GitRepo git = GitRepo.open(dir)) {
            SourceTree tree = git.tree(ChangeSet.WORKTREE);
            Workspace workspace = WorkspaceLoader.load(tree, "", RepositoryConfig.empty());
            SourceIndex index = SourceIndex.build(workspace, tree, new JavaFileAnalyzer());
            TypeUniverse universe = TypeUniverse.of(index.declarations().keySet());
            NameResolver resolver = new NameResolver(universe);
            Resolutions resolutions = ResolutionCache.none().resolveAll(index, resolver, universe, workspace::visibleFrom);
            TestCatalog catalog = TestCatalog.build(index, resolutions, resolver, workspace::visibleFrom);
            DependencyGraph graph = DependencyGraphBuilder.build(workspace, index, resolutions, resolver, workspace::visibleFrom,
                    () -> catalog, true);
            return new Built(index, graph);
        }
    }
}
