package dev.tia.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** One package per third-party library, and an engine that knows nothing of Maven or JUnit. */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tia.engine");

    @Test
    void onlyTheGitPackageUsesJgit() {
        noClasses().that().resideOutsideOfPackage("dev.tia.engine.git..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..").check(ENGINE);
    }

    @Test
    void onlyTheSourcePackageUsesJavaParser() {
        noClasses().that().resideOutsideOfPackage("dev.tia.engine.source..")
                .should().dependOnClassesThat().resideInAPackage("com.github.javaparser..").check(ENGINE);
    }

    @Test
    void onlyReportsAndConfigurationUseJackson() {
        noClasses().that().resideOutsideOfPackages("dev.tia.engine.report..", "dev.tia.engine.config..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(ENGINE);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.tia.engine.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(ENGINE);
    }

    @Test
    void theEngineKnowsNothingOfMavenOrJunit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.junit..").check(ENGINE);
    }
}
