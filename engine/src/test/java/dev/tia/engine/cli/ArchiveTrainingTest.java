package dev.tia.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.Analysis;
import dev.tia.engine.select.ChangedFile;
import dev.tia.engine.select.Effect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training the class-data archive is made with runs the warm paths it is there for, and leaves nothing behind. */
class ArchiveTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingRunsColdThenTheWarmPathsOfTheCommonEdits() throws Exception {
        List<Analysis> analyses = ArchiveTraining.run(dir);
        assertThat(analyses).hasSize(5);
        assertThat(analyses.get(0).graphFromStore()).as("cold: built and stored").isFalse();
        assertThat(analyses.get(0).indexStats().parsed()).isEqualTo(4);
        // A body edit that names nothing new: the stored graph, walked at member level.
        assertThat(analyses.get(1).graphFromStore()).isTrue();
        assertThat(analyses.get(1).effects()).anyMatch(effect -> effect.effect() == Effect.MEMBERS);
        // A class added to a file: the stored graph, patched with it.
        assertThat(analyses.get(2).graphFromStore()).isTrue();
        assertThat(analyses.get(2).graphPatchedFiles()).isEqualTo(1);
        // A body that writes a new word, which names no type: the stored graph as it is.
        assertThat(analyses.get(3).graphFromStore()).isTrue();
        assertThat(analyses.get(3).graphPatchedFiles()).isZero();
        assertThat(analyses.get(3).indexStats().parsed()).isEqualTo(1);
        // A body edit committed on a branch a commit ahead of main, the working tree clean: found by the committed
        // diff from their merge-base.
        Analysis branch = analyses.get(4);
        assertThat(branch.selection().baseRef()).isEqualTo("main");
        assertThat(branch.selection().changedFiles()).extracting(ChangedFile::path)
                .containsExactly("src/main/java/training/Texts.java");
        assertThat(branch.graphFromStore()).isTrue();
        assertThat(branch.effects()).anyMatch(effect -> effect.effect() == Effect.MEMBERS);
    }

    @Test
    void aQuietTrainingDeletesItsFolder() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = trainingFolders(temp);
        ArchiveTraining.runQuietly();
        assertThat(trainingFolders(temp)).isEqualTo(before);
    }

    private static long trainingFolders(Path temp) throws Exception {
        try (Stream<Path> folders = Files.list(temp)) {
            return folders.filter(path -> path.getFileName().toString().startsWith("tia-archive-training")).count();
        }
    }
}
