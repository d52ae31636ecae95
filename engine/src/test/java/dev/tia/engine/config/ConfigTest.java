package dev.tia.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** One configuration for every face: precedence, origins, and the errors a typo gets. */
class ConfigTest {

    private static final Path DIR = Path.of("/tmp/project");

    @Test
    void explicitBeatsSystemPropertyBeatsDefault() {
        Properties system = new Properties();
        system.setProperty("tia.mode", "affected");
        system.setProperty("tia.excludeTags", "slow, e2e");
        TiaConfig config = TiaConfig.resolve(DIR, Map.of("tia.mode", "all"), system);

        assertThat(config.mode()).isEqualTo(Mode.ALL);
        assertThat(config.origin(ConfigKey.MODE)).isEqualTo(ValueOrigin.EXPLICIT);
        assertThat(config.excludeTags()).containsExactly("slow", "e2e");
        assertThat(config.origin(ConfigKey.EXCLUDE_TAGS)).isEqualTo(ValueOrigin.SYSTEM_PROPERTY);
        assertThat(config.reportDir()).isEqualTo(DIR.resolve("target/tia"));
        assertThat(config.origin(ConfigKey.REPORT_DIR)).isEqualTo(ValueOrigin.DEFAULT);
        assertThat(config.base()).isEmpty();
        assertThat(config.implementations()).isTrue();
    }

    @Test
    void unknownTiaKeyListsTheValidOnes() {
        Properties system = new Properties();
        system.setProperty("tia.mdoe", "all");
        system.setProperty("other.key", "ignored");
        assertThatThrownBy(() -> TiaConfig.resolve(DIR, Map.of(), system)).isInstanceOf(TiaConfigException.class)
                .hasMessageStartingWith("unknown system property 'tia.mdoe': valid keys are tia.affected, tia.base");
    }

    @Test
    void badModeSaysWhichAreValid() {
        assertThatThrownBy(() -> TiaConfig.resolve(DIR, Map.of("tia.mode", "fast"), new Properties()))
                .hasMessage("unknown mode 'fast': use one of quick, affected, all, observe");
    }

    @Test
    void affectedFlagWithoutValueMeansTrue() {
        Properties system = new Properties();
        system.setProperty("tia.affected", "");
        assertThat(TiaConfig.resolve(DIR, Map.of(), system).affected()).isTrue();
        assertThat(TiaConfig.defaults(DIR).affected()).isFalse();
    }

    @Test
    void repositoryConfigParsesServicesAndGlobs() {
        RepositoryConfig config = RepositoryConfig.parse("""
                services:
                  - path: services/*
                  - name: web
                    path: frontend
                ignore: ["**/*.txt", "notes/**"]
                runAll: ci/**
                dockerfileServices: false
                """);
        assertThat(config.services()).hasSize(2);
        assertThat(config.services().get(0).path().matches("services/checkout")).isTrue();
        assertThat(config.services().get(0).path().matches("services/checkout/src")).isFalse();
        assertThat(config.ignore().get(0).matches("a/b/c.txt")).isTrue();
        assertThat(config.runAll().get(0).matches("ci/deploy/x.sh")).isTrue();
        assertThat(config.dockerfileServices()).isFalse();
    }

    @Test
    void repositoryConfigErrorsNameLineAndKey() {
        assertThatThrownBy(() -> RepositoryConfig.parse("ignore:\n  - a\nservises:\n  - path: x\n"))
                .isInstanceOf(TiaConfigException.class)
                .hasMessageStartingWith("tia.yaml line 3: unknown key 'servises'; valid keys are");
        assertThatThrownBy(() -> RepositoryConfig.parse("services: [\n"))
                .isInstanceOf(TiaConfigException.class).hasMessageStartingWith("tia.yaml line");
        assertThatThrownBy(() -> RepositoryConfig.parse("services:\n  - name: x\n"))
                .hasMessage("tia.yaml: every entry under 'services' needs a 'path'");
    }

    @Test
    void globs() {
        assertThat(PathGlob.of("*.md").matches("docs/deep/README.md")).isTrue();
        assertThat(PathGlob.of("docs/**").matches("docs/a/b.png")).isTrue();
        assertThat(PathGlob.of("docs/**").matches("src/docs/a")).isFalse();
        assertThat(PathGlob.of("/pom.xml").matches("pom.xml")).isTrue();
        assertThat(PathGlob.of("/pom.xml").matches("a/pom.xml")).isFalse();
        assertThat(PathGlob.of("services/*/Dockerfile").matches("services/a/Dockerfile")).isTrue();
        assertThat(PathGlob.of("**/generated/**").matches("generated/x")).isTrue();
    }
}
