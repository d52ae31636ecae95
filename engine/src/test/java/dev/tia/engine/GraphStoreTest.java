package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.graph.GraphStore;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.report.JsonReport;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.FixtureRepo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored graph: used exactly when the change leaves every input of the graph as it was (counted by
 * {@link Analysis#graphFromStore()}), never changing an answer; written when nothing usable is stored, kept as the
 * base while the files differ from it in a few places; a bad store is built again with one note.
 * {@code WarmIndexOracleTest} holds it to a run without any store over random edits.
 */
class GraphStoreTest {

    private static final String TAX_TABLE = "libs/pricing/src/main/java/com/example/pricing/TaxTable.java";

    @TempDir
    Path dir;

    private Analysis analyze() {
        return new TiaEngine().analyze(TiaConfig.defaults(dir));
    }

    /** The report of a run without any index: the answer every run must give. */
    private String reportWithoutIndex() {
        return JsonReport.render(analyzeWithoutIndex().selection());
    }

    private Path stored() {
        return dir.resolve(".tia/cache").resolve(GraphStore.FILE_NAME);
    }

    private String taxTable() throws IOException {
        return read(TAX_TABLE);
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    private static void assertSelected(Analysis analysis, String testClass) {
        assertThat(analysis.testsNamed(testClass)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TestStatus.SELECTED));
    }

    private static void assertExcludedByTag(Analysis analysis, String testClass) {
        assertThat(analysis.testsNamed(testClass)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TestStatus.EXCLUDED_BY_TAG));
    }

    /**
     * TaxTable's source with a method body that names Cents, of TaxTable's package: only the words of the file change,
     * not its imports or declarations.
     */
    private static String namingCents(String taxTable) {
        assertThat(taxTable).contains("return TaxRule.valueOf(");
        return taxTable.replace("return TaxRule.valueOf(", "Cents unused = null;\n        return TaxRule.valueOf(");
    }

    @Test
    void aRunWithoutChangeUsesTheStoredGraphAndResolvesNoName() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            Analysis first = analyze();
            assertThat(first.graphFromStore()).isFalse();
            assertThat(stored()).exists();

            Analysis second = analyze();
            assertThat(second.graphFromStore()).isTrue();
            assertThat(second.resolutionStats()).isEqualTo(new Analysis.ResolutionStats(0, 0));
            assertThat(JsonReport.render(second.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    @Test
    void pathsBeyondAsciiAreComparedWhereTheyLie() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            // Stored by what they share with the path before: "ü" is two bytes, the emoji a surrogate pair, and U+1F601
            // shares its first UTF-16 unit with U+1F600: the shared part must not end inside the pair.
            for (String name : List.of("Größe", "Größe\uD83D\uDE00", "Größe\uD83D\uDE01")) {
                repo.write("libs/pricing/src/main/java/com/example/pricing/ü/" + name + ".java",
                        "package com.example.pricing.ü;\npublic class " + name + " { }\n");
            }
            repo.commitAll("non-ASCII paths");
            analyze();
            Analysis second = analyze();
            assertThat(second.graphFromStore()).isTrue();
            assertThat(JsonReport.render(second.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /** TaxTable's source with a supertype outside the project: the hierarchy's entry differs. */
    private static String implementingSerializable(String taxTable) {
        assertThat(taxTable).contains("public final class TaxTable {");
        return taxTable.replace("public final class TaxTable {", "public final class TaxTable implements java.io.Serializable {");
    }

    /** TaxTable's source as an abstract class: the graph's inputs differ in more than names (which the catalog reads). */
    private static String madeAbstract(String taxTable) {
        assertThat(taxTable).contains("public final class TaxTable {");
        return taxTable.replace("public final class TaxTable {", "public abstract class TaxTable {");
    }

    /** TaxTable's source with one import more: resolution may then find other types, and a supertype another one. */
    private static String importingLocale(String taxTable) {
        assertThat(taxTable).contains("import java.util.Properties;");
        return taxTable.replace("import java.util.Properties;", "import java.util.Locale;\nimport java.util.Properties;");
    }

    @Test
    void aBodyEditThatNamesNothingNewUsesTheStoredGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(TAX_TABLE, taxTable().replace("\"STANDARD\"", "\"REDUCED\""));

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isTrue();
            assertThat(warm.resolutionStats()).as("the member-level walk reads the stored type hierarchy, not resolved names")
                    .isEqualTo(new Analysis.ResolutionStats(0, 0));
            assertThat(warm.selection().changedFiles()).hasSize(1);
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    @Test
    void aBodyEditThatNamesAnotherTypePatchesTheStoredGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(TAX_TABLE, namingCents(taxTable()));

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isTrue();
            assertThat(warm.graphPatchedFiles()).as("TaxTable's references resolved again").isEqualTo(1);
            assertThat(warm.resolutionStats()).isEqualTo(new Analysis.ResolutionStats(0, 0));
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    @Test
    void anEditOfImportsPatchesTheStoredGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(TAX_TABLE, importingLocale(taxTable()));

            Analysis warm = analyze();
            assertThat(warm.graphPatchedFiles()).isEqualTo(1);
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /**
     * A file that imports a type of another module and names it gets an edge from it, patched in: a change of that
     * type's class structure then reaches the file's test.
     */
    @Test
    void aTypeImportedAndNamedIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String formatter = "services/catalog/src/main/java/com/example/catalog/ProductFormatter.java";
            String source = read(formatter);
            repo.write(formatter, source.replace("import com.example.pricing.TaxRule;",
                    "import com.example.pricing.TaxRule;\nimport com.example.pricing.TaxTable;")
                    .replace("return product.name()", "TaxTable table = null;\n        return product.name()"));
            String taxTable = taxTable();
            repo.write(TAX_TABLE, taxTable.replace("private final Properties rules", "static final int VERSION = 1;\n\n    private final Properties rules"));

            Analysis warm = analyze();
            assertThat(warm.graphPatchedFiles()).as("ProductFormatter, and TaxTable, which writes a new word").isEqualTo(2);
            assertSelected(warm, "ProductFormatterTest");
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    private static final String PRICING_MAIN = "libs/pricing/src/main/java/com/example/pricing/";

    /**
     * An import can make a supertype resolve to one more type (every candidate is kept): the implementation edges
     * differ, not only the references, and are patched with the hierarchy's entry.
     */
    @Test
    void anImportThatGivesASupertypeAnotherMeaningIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PRICING_MAIN + "Priced.java", "package com.example.pricing;\npublic interface Priced {\n}\n");
            repo.write(PRICING_MAIN + "other/Priced.java", "package com.example.pricing.other;\npublic interface Priced {\n}\n");
            repo.write(PRICING_MAIN + "Rounding.java", "package com.example.pricing;\npublic class Rounding implements Priced {\n}\n");
            repo.commitAll("two interfaces of one name");
            analyze();

            repo.write(PRICING_MAIN + "Rounding.java",
                    "package com.example.pricing;\nimport com.example.pricing.other.Priced;\npublic class Rounding implements Priced {\n}\n");
            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /**
     * The catalog reads the annotations of a test's supertypes, resolved with their file's imports: a base class in
     * main code whose new import makes its annotation a tagged one tags the test extending it.
     */
    @Test
    void anImportThatTagsATestThroughItsBaseClassBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PRICING_MAIN + "Smoke.java", "package com.example.pricing;\npublic @interface Smoke {\n}\n");
            repo.write(PRICING_MAIN + "tiers/Smoke.java", "package com.example.pricing.tiers;\nimport org.junit.jupiter.api.Tag;\n"
                    + "@Tag(\"e2e\")\npublic @interface Smoke {\n}\n");
            repo.write(PRICING_MAIN + "PricingCheck.java", "package com.example.pricing;\n@Smoke\npublic abstract class PricingCheck {\n}\n");
            repo.write("libs/pricing/src/test/java/com/example/pricing/RatesTest.java", "package com.example.pricing;\n"
                    + "import org.junit.jupiter.api.Test;\nclass RatesTest extends PricingCheck {\n    @Test\n    void rates() {\n    }\n}\n");
            repo.commitAll("a base class marked Smoke");
            assertThat(analyze().testsNamed("RatesTest")).singleElement().satisfies(t -> assertThat(t.tags()).isEmpty());

            repo.write(PRICING_MAIN + "PricingCheck.java", "package com.example.pricing;\nimport com.example.pricing.tiers.Smoke;\n"
                    + "@Smoke\npublic abstract class PricingCheck {\n}\n");
            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isFalse();
            assertExcludedByTag(warm, "RatesTest");
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /** A run without index: its report is the answer every run must give, its graph the one a patch must make. */
    private Analysis analyzeWithoutIndex() {
        return new TiaEngine().analyze(TiaConfig.defaults(dir).with(ConfigKey.CACHE_DIR, ""));
    }

    @Test
    void aClassAddedToAFileThatNoOtherFileNamesIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            // With a project supertype: an implementation edge and an entry in the type hierarchy besides its file mates.
            repo.write(TAX_TABLE, taxTable() + "\nclass ReducedTaxTable extends TaxTable {\n}\n");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /**
     * A class taken out of a file that stays, another file still naming it (as the change's base declares it): it stays
     * in the universe, left at base; its own edges and its share of the lists of the types its file names go.
     */
    @Test
    void aClassRemovedFromAFileThatStaysIsPatchedOut() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String taxTable = taxTable();
            // With a project supertype (an implementation edge, an entry in the hierarchy) and a reference of its own.
            repo.write(TAX_TABLE, taxTable + "\nclass ReducedTaxTable extends TaxTable {\n    Money floor;\n}\n");
            repo.write("libs/pricing/src/main/java/com/example/pricing/Reductions.java",
                    "package com.example.pricing;\n\npublic class Reductions {\n    ReducedTaxTable table;\n}\n");
            repo.commitAll("a reduced tax table");
            analyze();
            repo.write(TAX_TABLE, taxTable);

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "TaxTableTest");
        }
    }

    /** A class renamed inside a file that stays: one type removed, one added, in one patch. */
    @Test
    void aClassRenamedInsideAFileThatStaysIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String taxTable = taxTable();
            repo.write(TAX_TABLE, taxTable + "\nclass ReducedTaxTable extends TaxTable {\n    Money floor;\n}\n");
            repo.commitAll("a reduced tax table");
            analyze();
            repo.write(TAX_TABLE, taxTable + "\nclass LowerTaxTable extends TaxTable {\n    Money floor;\n}\n");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /**
     * A class taken out of a file that stays, which the change's base does not declare (added in a commit after it): it
     * leaves the type universe, and another file's name for it resolves to nothing, so the graph is built.
     */
    @Test
    void aClassRemovedThatNoBaseDeclaredBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String base = repo.head().name();
            String taxTable = taxTable();
            repo.write(TAX_TABLE, taxTable + "\nclass ReducedTaxTable extends TaxTable {\n    Money floor;\n}\n");
            repo.write("libs/pricing/src/main/java/com/example/pricing/Reductions.java",
                    "package com.example.pricing;\n\npublic class Reductions {\n    ReducedTaxTable table;\n}\n");
            repo.commitAll("a reduced tax table");
            TiaConfig sinceBase = TiaConfig.defaults(dir).with(ConfigKey.BASE, base);
            new TiaEngine().analyze(sinceBase);
            repo.write(TAX_TABLE, taxTable);

            Analysis warm = new TiaEngine().analyze(sinceBase);
            assertThat(warm.graphFromStore()).isFalse();
            Analysis withoutIndex = new TiaEngine().analyze(sinceBase.with(ConfigKey.CACHE_DIR, ""));
            assertThat(warm.graph().successorsByNode()).isEqualTo(withoutIndex.graph().successorsByNode());
            assertThat(JsonReport.render(warm.selection())).isEqualTo(JsonReport.render(withoutIndex.selection()));
        }
    }

    /** A test whose only test is of the e2e tier, for nested test classes to be added to and taken out of. */
    private static final String CARD_JOURNEY_TEST = """
            package com.example.payments;

            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;

            class CardJourneyTest {
                @Test
                @Tag("e2e")
                void paysByCard() {
                    new CardPaymentGateway().charge(1000);
                }
            }
            """;

    /** A nested test class taken out of a test: the test's entry is made again, without the nested class's tag. */
    @Test
    void aNestedTestRemovedFromATestIsPatchedOut() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String journey = CARD_JOURNEY_TEST;
            repo.write(PAYMENTS_TESTS + "CardJourneyTest.java", journey.replaceFirst("}\n$", """

                        @org.junit.jupiter.api.Nested
                        class Quickly {
                            @Test
                            void namesTheGateway() {
                                new Payments();
                            }
                        }
                    }
                    """));
            repo.commitAll("a card journey");
            analyze();
            repo.write(PAYMENTS_TESTS + "CardJourneyTest.java", journey);

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertExcludedByTag(warm, "CardJourneyTest");
        }
    }

    /** A base test taken out of a file that stays, a test of another file extending it: that test's entry read it, built. */
    @Test
    void aBaseTestRemovedFromAFileThatStaysBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String fixtures = """
                    package com.example.payments;

                    class GatewayFixtures {
                        static PaymentGateway card() {
                            return new CardPaymentGateway();
                        }
                    }
                    """;
            repo.write(PAYMENTS_TESTS + "GatewayFixtures.java", fixtures + """

                    @org.junit.jupiter.api.Tag("e2e")
                    abstract class GatewayContract {
                        @org.junit.jupiter.api.Test
                        void names() {
                            GatewayFixtures.card().name();
                        }
                    }
                    """);
            repo.write(PAYMENTS_TESTS + "CardGatewayContractTest.java",
                    "package com.example.payments;\n\nclass CardGatewayContractTest extends GatewayContract {\n}\n");
            repo.commitAll("a gateway contract");
            analyze();
            repo.write(PAYMENTS_TESTS + "GatewayFixtures.java", fixtures);

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    /** A run that built the graph (no stored one served it, as stored or patched), with the answer of a run without index. */
    private void assertBuiltAsWithoutIndex(Analysis warm) {
        assertThat(warm.graphFromStore()).isFalse();
        assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
    }

    /** Patched files: their types, edges, entries in the hierarchy and in the catalog, as a build makes them. */
    private void assertPatchedAsBuilt(Analysis warm, int patchedFiles) {
        assertThat(warm.graphPatchedFiles()).isEqualTo(patchedFiles);
        Analysis withoutIndex = analyzeWithoutIndex();
        assertThat(warm.graph().successorsByNode()).isEqualTo(withoutIndex.graph().successorsByNode());
        assertThat(warm.graph().hierarchyByType()).isEqualTo(withoutIndex.graph().hierarchyByType());
        assertThat(warm.catalog().tests()).isEqualTo(withoutIndex.catalog().tests());
        assertThat(JsonReport.render(warm.selection())).isEqualTo(JsonReport.render(withoutIndex.selection()));
    }

    private static final String PAYMENTS = "libs/payments/src/main/java/com/example/payments/";

    /**
     * A file of payments no other file names: a project supertype (an implementation edge, an entry in the hierarchy),
     * references, and a file mate with a reference of its own.
     */
    private static final String BANK_TRANSFER_GATEWAY = """
            package com.example.payments;

            public class BankTransferGateway implements PaymentGateway {
                public String name() {
                    return "bank";
                }

                public Receipt charge(long cents) {
                    return new Receipt(cents, new BankHoliday().toString());
                }
            }

            class BankHoliday {
                Payments payments;
            }
            """;

    @Test
    void aNewFileThatNoOtherFileNamesIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(PAYMENTS + "BankTransferGateway.java", BANK_TRANSFER_GATEWAY);

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            // Users of the interface may be handed the new implementation.
            assertSelected(warm, "PaymentsTest");
        }
    }

    /**
     * Files added ahead of stored ones in path order take their numbers: the stored graph's files are numbered anew,
     * which a patch of a later file in the same run relies on to put its share of each list in place.
     */
    @Test
    void newFilesAheadOfStoredOnesAndAnEditBehindThemArePatchedTogether() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            // Two new files, one type extending the other's: each counts as a project type of the other's hierarchy.
            repo.write("libs/pricing/src/main/java/com/example/pricing/AaLedger.java",
                    "package com.example.pricing;\n\npublic class AaLedger extends AbJournal {\n}\n");
            repo.write("libs/pricing/src/main/java/com/example/pricing/AbJournal.java",
                    "package com.example.pricing;\n\npublic class AbJournal {\n    Money total;\n}\n");
            repo.write(TAX_TABLE, namingCents(taxTable()));

            assertPatchedAsBuilt(analyze(), 3);
        }
    }

    @Test
    void aNewFileWhoseTypeAnotherFileNamesBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            // Tests of pricing write TaxRule.STANDARD, whose words resolve in their package, to the new class too.
            repo.write("libs/pricing/src/main/java/com/example/pricing/STANDARD.java",
                    "package com.example.pricing;\n\npublic class STANDARD {\n}\n");

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    /**
     * A new test file whose supertypes and annotations name no project type: its test classes' entries come from it
     * alone, and join the catalog and their module's tests where a build puts them.
     */
    @Test
    void aNewTestFileIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            // Ahead of the module's other tests in path order, tagged, with a helper type beside it.
            repo.write("libs/payments/src/test/java/com/example/payments/AReceiptTest.java", """
                    package com.example.payments;

                    import org.junit.jupiter.api.Tag;
                    import org.junit.jupiter.api.Test;

                    @Tag("fast")
                    class AReceiptTest {
                        @Test
                        void keepsTheAmount() {
                            new Receipt(1, new ReceiptFixture().name());
                        }
                    }

                    class ReceiptFixture {
                        String name() {
                            return "card";
                        }
                    }
                    """);

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "AReceiptTest");
        }
    }

    private static final String CHECKOUT_TESTS = "services/checkout/src/test/java/com/example/checkout/";

    /**
     * A new test inheriting its tests and tags from project types: its entry is made from its file and the files above
     * it, resolved as a build resolves them, though the new file names none of the types they name.
     */
    @Test
    void aNewTestInheritingFromProjectTypesIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            // A base test whose tag comes from a project annotation, through another: the new test writes neither name.
            repo.write(CHECKOUT_TESTS + "Journey.java", """
                    package com.example.checkout;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;

                    @Retention(RetentionPolicy.RUNTIME)
                    @LongRunning
                    @interface Journey {
                    }
                    """);
            repo.write(CHECKOUT_TESTS + "LongRunning.java", """
                    package com.example.checkout;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;
                    import org.junit.jupiter.api.Tag;

                    @Retention(RetentionPolicy.RUNTIME)
                    @Tag("e2e")
                    @interface LongRunning {
                    }
                    """);
            repo.write(CHECKOUT_TESTS + "JourneyCheck.java", """
                    package com.example.checkout;

                    import org.junit.jupiter.api.Test;

                    @Journey
                    abstract class JourneyCheck {
                        abstract Cart cart();

                        @Test
                        void checksOut() {
                            new CartService().total(cart());
                        }
                    }
                    """);
            repo.commitAll("a journey base test");
            analyze();
            // No test method of its own: only what it inherits makes it a test, of the e2e tier.
            repo.write(CHECKOUT_TESTS + "BigCartJourneyTest.java", """
                    package com.example.checkout;

                    class BigCartJourneyTest extends JourneyCheck {
                        @Override
                        Cart cart() {
                            return new Cart();
                        }
                    }
                    """);
            // Tests of its own besides those of a concrete base test, in another module, beside a fake of a project
            // interface, which keeps its edge to the interface where the test's are left out.
            repo.write("libs/payments/src/test/java/com/example/payments/RefundGatewayTest.java", """
                    package com.example.payments;

                    import org.junit.jupiter.api.Test;

                    class RefundGatewayTest extends CardPaymentGatewayTest {
                        @Test
                        void refunds() {
                            new FailingGateway().name();
                        }
                    }

                    class FailingGateway implements PaymentGateway {
                        public String name() {
                            return "failing";
                        }

                        public Receipt charge(long cents) {
                            throw new IllegalStateException();
                        }
                    }
                    """);

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 2);
            assertExcludedByTag(warm, "BigCartJourneyTest");
            assertSelected(warm, "RefundGatewayTest");
        }
    }

    private static final String PAYMENTS_TESTS = "libs/payments/src/test/java/com/example/payments/";

    /**
     * A nested test class and a fake added to an existing test file, its imports changed too: the file's entries are
     * made again from it, the new types get their edges (the fake keeps its edge to the interface it implements).
     */
    @Test
    void typesAddedToATestFileArePatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String test = read(PAYMENTS_TESTS + "PaymentsTest.java");
            assertThat(test).contains("import org.junit.jupiter.api.Test;").endsWith("}\n");
            repo.write(PAYMENTS_TESTS + "PaymentsTest.java", test.replace("import org.junit.jupiter.api.Test;",
                    "import org.junit.jupiter.api.Nested;\nimport org.junit.jupiter.api.Test;").replaceFirst("}\n$", """

                        @Nested
                        class WithAFailingGateway {
                            @Test
                            void keepsTheCardGateway() {
                                assertEquals("card", new FailingGateway().fallback().name());
                            }
                        }
                    }

                    class FailingGateway implements PaymentGateway {
                        public String name() {
                            return "failing";
                        }

                        public Receipt charge(long cents) {
                            throw new IllegalStateException();
                        }

                        PaymentGateway fallback() {
                            return new CardPaymentGateway();
                        }
                    }
                    """));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "PaymentsTest");
        }
    }

    /**
     * A nested test class without the tag of its outer class's tests: the outer class's entry in the catalog is made
     * again, and its tests are no longer all of the e2e tier.
     */
    @Test
    void aNestedTestAddedToATestReplacesItsEntry() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String journey = CARD_JOURNEY_TEST;
            repo.write(PAYMENTS_TESTS + "CardJourneyTest.java", journey);
            repo.commitAll("a card journey");
            analyze(); // stored with the journey's entry: each of its tests of the e2e tier
            repo.write(PAYMENTS_TESTS + "CardJourneyTest.java", journey.replaceFirst("}\n$", """

                        @org.junit.jupiter.api.Nested
                        class Quickly {
                            @Test
                            void namesTheGateway() {
                                new CardPaymentGateway().name();
                            }
                        }
                    }
                    """));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "CardJourneyTest");
        }
    }

    /**
     * A nested test class added to a base test that a test of another file extends: that test's entry reads the base's
     * nested tests, and is made again too.
     */
    @Test
    void aNestedTestAddedToABaseTestIsPatchedWithTheEntriesOfItsSubclasses() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String base = read(CHECKOUT_TESTS + "CheckoutContractTest.java");
            assertThat(base).endsWith("}\n");
            repo.write(CHECKOUT_TESTS + "CheckoutContractTest.java", base.replaceFirst("}\n$", """

                        @org.junit.jupiter.api.Nested
                        class Empty {
                            @Test
                            void isFree() {
                                new CartService().total(new Cart());
                            }
                        }
                    }
                    """));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /**
     * A tag put on a test class, the commonest edit of a test's annotations: its entry is made again, and it leaves
     * the quick tier. Its import and the annotation's name are words it did not write before.
     */
    @Test
    void aTagPutOnATestClassIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String test = read(PAYMENTS_TESTS + "CardPaymentGatewayTest.java");
            assertThat(test).contains("import org.junit.jupiter.api.Test;", "class CardPaymentGatewayTest {");
            repo.write(PAYMENTS_TESTS + "CardPaymentGatewayTest.java", test
                    .replace("import org.junit.jupiter.api.Test;", "import org.junit.jupiter.api.Tag;\nimport org.junit.jupiter.api.Test;")
                    .replace("class CardPaymentGatewayTest {", "@Tag(\"e2e\")\nclass CardPaymentGatewayTest {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertExcludedByTag(warm, "CardPaymentGatewayTest");
        }
    }

    /** An annotation put on a class of main sources that no test reads but through its references. */
    @Test
    void anAnnotationPutOnAClassIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            assertThat(taxTable()).contains("public final class TaxTable {");
            repo.write(TAX_TABLE, taxTable().replace("public final class TaxTable {", "@Deprecated\npublic final class TaxTable {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "TaxTableTest");
        }
    }

    /** An annotation that starts a whole context put on a test: it reaches its whole module now, through edges a build adds. */
    @Test
    void aTestThatStartsToLoadItsModuleIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String test = read(PAYMENTS_TESTS + "PaymentsTest.java");
            assertThat(test).contains("class PaymentsTest {");
            repo.write(PAYMENTS_TESTS + "PaymentsTest.java", test.replace("class PaymentsTest {",
                    "@org.springframework.boot.test.context.SpringBootTest\nclass PaymentsTest {"));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** A test that stops loading its module leaves its artifact's successors; CatalogServiceIT still reaches its own. */
    @Test
    void aTestThatStopsLoadingItsModuleIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String test = read(PAYMENTS_TESTS + "PaymentsTest.java");
            repo.write(PAYMENTS_TESTS + "PaymentsTest.java", test.replace("class PaymentsTest {",
                    "@org.springframework.boot.test.context.SpringBootTest\nclass PaymentsTest {"));
            repo.commitAll("a context test");
            analyze();
            repo.write(PAYMENTS_TESTS + "PaymentsTest.java", test);

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** A tag put on a base test: the entries of the tests extending it in other files read it, and are made again. */
    @Test
    void aTagPutOnABaseTestIsPatchedWithTheEntriesOfItsSubclasses() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String base = read(CHECKOUT_TESTS + "CheckoutContractTest.java");
            repo.write(CHECKOUT_TESTS + "CheckoutContractTest.java",
                    base.replace("abstract class CheckoutContractTest {", "@org.junit.jupiter.api.Tag(\"e2e\")\nabstract class CheckoutContractTest {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertExcludedByTag(warm, "SmallCartCheckoutTest");
        }
    }

    /**
     * The subclasses' entries are made over one resolver for them all, which reads the files above them that none of
     * them is: here a project annotation on one subclass, whose tag that subclass keeps beside the base's.
     */
    @Test
    void aTagPutOnABaseTestRemakesSubclassesAnnotatedFromAnotherFile() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(CHECKOUT_TESTS + "Slow.java", "package com.example.checkout;\n\n@java.lang.annotation.Retention("
                    + "java.lang.annotation.RetentionPolicy.RUNTIME)\n@org.junit.jupiter.api.Tag(\"slow\")\n@interface Slow {\n}\n");
            String small = read(CHECKOUT_TESTS + "SmallCartCheckoutTest.java");
            repo.write(CHECKOUT_TESTS + "SmallCartCheckoutTest.java",
                    small.replace("class SmallCartCheckoutTest extends", "@Slow\nclass SmallCartCheckoutTest extends"));
            repo.commitAll("a slow subclass");
            analyze();
            String base = read(CHECKOUT_TESTS + "CheckoutContractTest.java");
            repo.write(CHECKOUT_TESTS + "CheckoutContractTest.java",
                    base.replace("abstract class CheckoutContractTest {", "@org.junit.jupiter.api.Tag(\"e2e\")\nabstract class CheckoutContractTest {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.catalog().tests().values()).filteredOn(test -> test.className().endsWith("SmallCartCheckoutTest"))
                    .singleElement().satisfies(test -> assertThat(test.classTags()).contains("slow", "e2e"));
        }
    }

    /** A base test that starts to load its module: the tests extending it reach their whole module now, and join its artifact. */
    @Test
    void aBaseTestThatStartsToLoadItsModuleIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String base = read(CHECKOUT_TESTS + "CheckoutContractTest.java");
            repo.write(CHECKOUT_TESTS + "CheckoutContractTest.java", base.replace("abstract class CheckoutContractTest {",
                    "@org.springframework.boot.test.context.SpringBootTest\nabstract class CheckoutContractTest {"));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** A new test whose base test changes too: its entry and those of the base's other subclasses are made from it. */
    @Test
    void aNewTestWhoseBaseTestChangesIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(CHECKOUT_TESTS + "BigCartCheckoutTest.java", """
                    package com.example.checkout;

                    class BigCartCheckoutTest extends CheckoutContractTest {
                        @Override
                        Cart cart() {
                            return new Cart();
                        }
                    }
                    """);
            String base = read(CHECKOUT_TESTS + "CheckoutContractTest.java");
            repo.write(CHECKOUT_TESTS + "CheckoutContractTest.java",
                    base.replace("abstract class CheckoutContractTest {", "@org.junit.jupiter.api.Tag(\"e2e\")\nabstract class CheckoutContractTest {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 2);
            assertExcludedByTag(warm, "SmallCartCheckoutTest");
            assertExcludedByTag(warm, "BigCartCheckoutTest");
        }
    }

    /**
     * A new test that reaches its whole module (here by loading a Spring context) joins its module's artifact, whose
     * edges from every main type the store has, as CatalogServiceIT reaches its module already.
     */
    @Test
    void aNewIntegrationTestFileIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write("libs/payments/src/test/java/com/example/payments/PaymentsIT.java", """
                    package com.example.payments;

                    import org.junit.jupiter.api.Test;
                    import org.springframework.boot.test.context.SpringBootTest;

                    @SpringBootTest
                    class PaymentsIT {
                        @Test
                        void starts() {
                        }
                    }
                    """);

            assertPatchedAsBuilt(analyze(), 1);
            // A class of payments no test names reaches it through the artifact.
            repo.write(PAYMENTS + "PaymentGateway.java", read(PAYMENTS + "PaymentGateway.java") + "\nclass Unnamed {\n}\n");
            assertThat(analyze().chainsFrom(PAYMENTS + "PaymentGateway.java")).anySatisfy(chain -> assertThat(chain).contains("PaymentsIT"));
        }
    }

    /** The last test that reaches a whole module deleted: a build then adds no artifact edge at all, so built. */
    @Test
    void theLastTestReachingAModuleDeletedBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.delete("services/catalog/src/test/java/com/example/catalog/CatalogServiceIT.java");

            assertBuiltAsWithoutIndex(analyze());
        }
    }

    /** An integration test deleted while another still reaches its module: it leaves its artifact's successors. */
    @Test
    void aDeletedIntegrationTestFileIsPatchedOut() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PAYMENTS_TESTS + "PaymentsIT.java",
                    "package com.example.payments;\n\nclass PaymentsIT {\n    @org.junit.jupiter.api.Test\n    void starts() {\n    }\n}\n");
            repo.commitAll("another integration test");
            analyze();
            repo.delete("services/catalog/src/test/java/com/example/catalog/CatalogServiceIT.java");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** Committed, a new file makes the store stale: the patched graph is stored, and the next run uses it as it is. */
    @Test
    void aCommittedNewFileIsPatchedAndStoredAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(PAYMENTS + "Refund.java", "package com.example.payments;\n\npublic class Refund {\n    Receipt of;\n}\n");
            repo.commitAll("a refund");

            assertPatchedAsBuilt(analyze(), 1);
            Analysis next = analyze();
            assertThat(next.graphFromStore()).isTrue();
            assertThat(next.graphPatchedFiles()).isZero();
            assertThat(JsonReport.render(next.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /**
     * Another package's {@code Money}: the store lists the files that write the name (main and test files in three
     * modules, none in the new package or importing it), which are resolved again with the new class and name what
     * they named, and the tests among them keep their entries. The graph is patched for the new file alone.
     */
    @Test
    void aNewClassWhoseNameOtherFilesWriteForAnotherTypeIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(PAYMENTS + "ledger/Money.java", """
                    package com.example.payments.ledger;

                    public final class Money {
                        long cents;
                    }
                    """);

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.factsDecoded()).as("facts decoded").isLessThan(warm.indexStats().files() / 2);
        }
    }

    /**
     * A nested class of a common name ({@code Builder}, {@code Entry}; here {@code Money}, inside TaxTable): the files
     * that write the name and do not extend TaxTable still name the package's Money alone.
     */
    @Test
    void aNestedClassWhoseNameOtherFilesWriteIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String taxTable = taxTable();
            assertThat(taxTable).contains("public final class TaxTable {\n");
            repo.write(TAX_TABLE, taxTable.replace("public final class TaxTable {\n",
                    "public final class TaxTable {\n\n    static final class Money {\n    }\n"));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** In the package of a file that writes {@code Money}, the name now resolves to the new class there as well. */
    @Test
    void aNewClassWhoseNameAFileNowResolvesToItBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            // Product imports com.example.pricing.*, and writes Money: its package's own Money counts too.
            repo.write("services/catalog/src/main/java/com/example/catalog/Money.java",
                    "package com.example.catalog;\n\nclass Money {\n}\n");

            assertBuiltAsWithoutIndex(analyze());
        }
    }

    @Test
    void aClassAddedWhoseNameAnotherFileWritesBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            // Tests of pricing write TaxRule.STANDARD, whose words resolve in their package, to the new class too.
            repo.write(TAX_TABLE, taxTable() + "\nclass STANDARD {\n}\n");

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    /**
     * The store's words hold what the stored files write; a changed file is judged by what it writes now. A changed file
     * that starts to write the name of a class added beside is resolved again with it, and both are patched in.
     */
    @Test
    void aClassAddedWhoseNameAChangedFileNowWritesIsPatchedWithIt() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String formatter = "services/catalog/src/main/java/com/example/catalog/ProductFormatter.java";
            repo.write(formatter, read(formatter).replace("return product.name()", "int Surcharge = 0;\n        return product.name()"));
            repo.write(TAX_TABLE, taxTable() + "\nclass Surcharge {\n}\n");

            assertPatchedAsBuilt(analyze(), 2);
        }
    }

    /**
     * The commonest edit that adds a class: a new file, and an existing class that starts to use it (an import from
     * another module and a call). Both are patched in; a change of the new class then reaches the tests of its user.
     */
    @Test
    void aNewClassAndAChangedFileUsingItArePatchedTogether() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write("libs/pricing/src/main/java/com/example/pricing/LoyaltyBonus.java", """
                    package com.example.pricing;

                    public final class LoyaltyBonus {
                        public static Money on(Money gross) {
                            return gross.less(1);
                        }
                    }
                    """);
            String calculator = "libs/pricing/src/main/java/com/example/pricing/PriceCalculator.java";
            assertThat(read(calculator)).contains("return rule.applyTo(Discounts.apply(unitPrice, quantity));");
            repo.write(calculator, read(calculator).replace("return rule.applyTo(Discounts.apply(unitPrice, quantity));",
                    "return LoyaltyBonus.on(rule.applyTo(Discounts.apply(unitPrice, quantity)));"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 2);
            assertThat(warm.chainsFrom("libs/pricing/src/main/java/com/example/pricing/LoyaltyBonus.java"))
                    .anySatisfy(chain -> assertThat(chain).contains("PriceCalculatorTest"));
            // The member-level walk of gross()'s edit reads the stored calls, with the two changed files' laid over
            // them: the facts of the files it meets, not of every file.
            assertThat(warm.factsDecoded()).as("facts decoded").isLessThan(warm.indexStats().files() / 2);
        }
    }

    @Test
    void aClassMadeAbstractBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(TAX_TABLE, madeAbstract(taxTable()));

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    /** A supertype outside the project: only the hierarchy's entry changes (the member-level walk reads it). */
    @Test
    void aSupertypeOutsideTheProjectIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(TAX_TABLE, implementingSerializable(taxTable()));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /**
     * A class that starts to implement a project interface: its edge to the interface (whose users may now run it)
     * and its entry in the hierarchy, as a build makes them; the interface's users' tests are selected through it.
     */
    @Test
    void aClassThatStartsToImplementAnInterfaceIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String gateway = """
                    package com.example.payments;

                    public class BankGateway {
                        public String name() {
                            return "bank";
                        }

                        public Receipt charge(long cents) {
                            return new Receipt(cents, name());
                        }
                    }
                    """;
            repo.write(PAYMENTS + "BankGateway.java", gateway);
            repo.commitAll("a bank gateway");
            analyze();
            repo.write(PAYMENTS + "BankGateway.java", gateway.replace("public class BankGateway {",
                    "public class BankGateway implements PaymentGateway, java.io.Serializable {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "PaymentsTest");
        }
    }

    /** A class that no longer implements its interface, its methods' {@code @Override} gone too. */
    @Test
    void aClassThatStopsImplementingAnInterfaceIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String gateway = read(PAYMENTS + "CardPaymentGateway.java");
            assertThat(gateway).contains("public class CardPaymentGateway implements PaymentGateway {", "    @Override\n");
            repo.write(PAYMENTS + "CardPaymentGateway.java", gateway
                    .replace("public class CardPaymentGateway implements PaymentGateway {", "public class CardPaymentGateway {")
                    .replace("    @Override\n", ""));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** A new interface and a class implementing it, in one change: the interface is added, the class's supertypes patched. */
    @Test
    void aNewInterfaceAndItsFirstImplementationArePatchedTogether() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write(PAYMENTS + "Refundable.java", "package com.example.payments;\n\npublic interface Refundable {\n    Receipt refund(long cents);\n}\n");
            String gateway = read(PAYMENTS + "CardPaymentGateway.java");
            repo.write(PAYMENTS + "CardPaymentGateway.java", gateway.replace("implements PaymentGateway {", "implements PaymentGateway, Refundable {")
                    .replaceFirst("}\n$", "\n    @Override\n    public Receipt refund(long cents) {\n        return new Receipt(-cents, name());\n    }\n}\n"));

            assertPatchedAsBuilt(analyze(), 2);
        }
    }

    /**
     * A test that starts to extend another test: it inherits its tests, so its entry is made again; a test class's
     * edges to its supertypes are left out, which the graph marks, and its entry in the hierarchy changes.
     */
    @Test
    void aTestThatStartsToExtendAnotherIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String test = read(PAYMENTS_TESTS + "PaymentsTest.java");
            repo.write(PAYMENTS_TESTS + "PaymentsTest.java", test.replace("class PaymentsTest {", "class PaymentsTest extends CardPaymentGatewayTest {"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "PaymentsTest");
        }
    }

    /** A test that no longer extends a tagged base test, its own test untagged: it leaves the e2e tier. */
    @Test
    void aTestThatStopsExtendingATaggedBaseIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PAYMENTS_TESTS + "GatewayJourney.java", """
                    package com.example.payments;

                    @org.junit.jupiter.api.Tag("e2e")
                    abstract class GatewayJourney {
                        @org.junit.jupiter.api.Test
                        void journeys() {
                        }
                    }
                    """);
            String refund = """
                    package com.example.payments;

                    class CardRefundTest extends GatewayJourney {
                        @org.junit.jupiter.api.Test
                        void refunds() {
                            new CardPaymentGateway().charge(-1);
                        }
                    }
                    """;
            repo.write(PAYMENTS_TESTS + "CardRefundTest.java", refund);
            repo.commitAll("a journey");
            analyze();
            repo.write(PAYMENTS_TESTS + "CardRefundTest.java", refund.replace(" extends GatewayJourney", ""));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertSelected(warm, "CardRefundTest");
        }
    }

    /** A fake in test sources that starts to implement a project interface: it gets the edge a build gives it. */
    @Test
    void aFakeThatStartsToImplementAnInterfaceIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String test = """
                    package com.example.payments;

                    class FakeGatewayTest {
                        @org.junit.jupiter.api.Test
                        void names() {
                            new FakeGateway().name();
                        }
                    }

                    class FakeGateway {
                        public String name() {
                            return "fake";
                        }

                        public Receipt charge(long cents) {
                            return new Receipt(cents, name());
                        }
                    }
                    """;
            repo.write(PAYMENTS_TESTS + "FakeGatewayTest.java", test);
            repo.commitAll("a fake gateway");
            analyze();
            repo.write(PAYMENTS_TESTS + "FakeGatewayTest.java", test.replace("class FakeGateway {", "class FakeGateway implements PaymentGateway {"));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** A test that starts to extend a base test starting a whole context: it reaches its whole module now. */
    @Test
    void aTestThatStartsToExtendAContextTestIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PAYMENTS_TESTS + "PaymentsContextTest.java", """
                    package com.example.payments;

                    @org.springframework.boot.test.context.SpringBootTest
                    abstract class PaymentsContextTest {
                    }
                    """);
            repo.commitAll("a context base test");
            analyze();
            String test = read(PAYMENTS_TESTS + "PaymentsTest.java");
            repo.write(PAYMENTS_TESTS + "PaymentsTest.java", test.replace("class PaymentsTest {", "class PaymentsTest extends PaymentsContextTest {"));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    @Test
    void aBodyEditThatWritesNewWordsNamingNoTypeUsesTheStoredGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String taxTable = taxTable();
            assertThat(taxTable).contains("return TaxRule.valueOf(rules.getProperty(country, \"STANDARD\"));");
            repo.write(TAX_TABLE, taxTable.replace("return TaxRule.valueOf(rules.getProperty(country, \"STANDARD\"));",
                    "String fallback = \"STANDARD\";\n        return TaxRule.valueOf(rules.getProperty(country, fallback));"));

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).as("'fallback' is no type's name: the file's resolved names are as stored").isTrue();
            assertThat(warm.resolutionStats()).isEqualTo(new Analysis.ResolutionStats(0, 0));
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /**
     * A type no edge names is still in the stored graph, as a node: a body that starts to call it gets an edge from it,
     * and a change of that type then reaches the caller's tests. With the stored graph as it was it would reach nothing.
     */
    @Test
    void aNewWordNamingATypeWithoutEdgesIsPatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String lonely = "libs/pricing/src/main/java/com/example/pricing/Lonely.java";
            repo.write(lonely, "package com.example.pricing;\npublic class Lonely { public static int rate() { return 1; } }\n");
            repo.commitAll("a type that nothing uses");
            analyze();

            repo.write(lonely, "package com.example.pricing;\npublic class Lonely { public static int rate() { return 2; } }\n");
            repo.write(TAX_TABLE, taxTable().replace("return TaxRule.valueOf(", "int rate = Lonely.rate();\n        return TaxRule.valueOf("));

            Analysis warm = analyze();
            assertThat(warm.graphPatchedFiles()).as("TaxTable's references patched in").isEqualTo(1);
            assertSelected(warm, "TaxTableTest");
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    @Test
    void aMethodAddedThatNoFrameworkFindsUsesTheStoredGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String taxTable = taxTable();
            repo.write(TAX_TABLE, taxTable.substring(0, taxTable.lastIndexOf('}'))
                    + "\n    private static String normalized(String country) {\n        return country.trim();\n    }\n}\n");

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).as("members are not graph inputs, and the new words name no type").isTrue();
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /** A test method makes a test class of a class in test sources: its catalog entry is new, so the graph is built. */
    @Test
    void aTestMethodAddedBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String fixtures = "libs/pricing/src/test/java/com/example/pricing/TaxFixtures.java";
            // Imports Test already: the edit differs in the method alone.
            repo.write(fixtures, "package com.example.pricing;\nimport org.junit.jupiter.api.Test;\nclass TaxFixtures {\n"
                    + "    static String ireland() {\n        return \"IE\";\n    }\n}\n");
            repo.commitAll("test fixtures");
            analyze();

            repo.write(fixtures, "package com.example.pricing;\nimport org.junit.jupiter.api.Test;\nclass TaxFixtures {\n"
                    + "    static String ireland() {\n        return \"IE\";\n    }\n    @Test\n    void irelandIsKnown() {\n    }\n}\n");

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isFalse();
            assertSelected(warm, "TaxFixtures");
            assertThat(JsonReport.render(warm.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    private static final String PRICE_CALCULATOR_TEST = "libs/pricing/src/test/java/com/example/pricing/PriceCalculatorTest.java";

    /**
     * A test method added to a test, and an import with it: the test's entry is made again (its only-method tag is now
     * on every method, so the class is of that tier), its references patched; and an {@code @Override} added to a main
     * class, which only the catalog would read, and reads in no test's supertype.
     */
    @Test
    void aTestMethodAndAnOverrideAddedArePatchedIn() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String test = read(PRICE_CALCULATOR_TEST);
            repo.write(PRICE_CALCULATOR_TEST, test
                    .replace("import org.junit.jupiter.api.Test;", "import com.example.pricing.Cents;\nimport org.junit.jupiter.api.Tag;\nimport org.junit.jupiter.api.Test;")
                    .replace("    @Test\n    void discountThenTax()", "    @Test\n    @Tag(\"e2e\")\n    void discountThenTax()")
                    .replace("\n}\n", "\n\n    @Test\n    @Tag(\"e2e\")\n    void formats() {\n        Cents.format(1);\n    }\n}\n"));
            repo.write(TAX_TABLE, taxTable().replaceFirst("\n}\n$", "\n\n    @Override\n    public String toString() {\n        return \"TaxTable\";\n    }\n}\n"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 2);
            assertExcludedByTag(warm, "PriceCalculatorTest");
        }
    }

    /** A test method of a base test tagged, which the catalog reads for its subclasses in other files: made again. */
    @Test
    void aTestMethodOfABaseTestTaggedIsPatchedWithTheEntriesOfItsSubclasses() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String base = read(CHECKOUT_TESTS + "CheckoutContractTest.java");
            assertThat(base).contains("    @Test\n    void totalIsPositive()");
            repo.write(CHECKOUT_TESTS + "CheckoutContractTest.java", base.replace("    @Test\n    void totalIsPositive()",
                    "    @Test\n    @org.junit.jupiter.api.Tag(\"e2e\")\n    void totalIsPositive()"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertExcludedByTag(warm, "SmallCartCheckoutTest");
        }
    }

    @Test
    void aNewWordTheTestCatalogReadsBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String test = "libs/pricing/src/test/java/com/example/pricing/TaxTableTest.java";
            String source = read(test);
            // Writing ClassGraph makes a test one that scans the classes of its module: its catalog entry changes.
            repo.write(test, source.replace("assertEquals(TaxRule.STANDARD,", "Object scanner = ClassGraph.class;\n        assertEquals(TaxRule.STANDARD,"));

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    @Test
    void aFewChangedFilesLeaveTheStoreAsTheBase() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            byte[] base = Files.readAllBytes(stored());
            repo.write("libs/pricing/src/main/java/com/example/pricing/Rounding.java",
                    "package com.example.pricing;\npublic class Rounding { public static long up(long x) { return Cents.percentOf(x, 100); } }\n");

            Analysis added = analyze();
            assertThat(added.graphPatchedFiles()).as("a new file, patched in").isEqualTo(1);
            assertThat(JsonReport.render(added.selection())).isEqualTo(reportWithoutIndex());
            assertThat(Files.readAllBytes(stored())).as("one file differs: not written again").isEqualTo(base);

            repo.delete("libs/pricing/src/main/java/com/example/pricing/Rounding.java");
            assertThat(analyze().graphFromStore()).as("back at the stored files").isTrue();
        }
    }

    @Test
    void aCommittedEditMakesTheStoreStale() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            byte[] base = Files.readAllBytes(stored());
            repo.write(TAX_TABLE, madeAbstract(taxTable()));
            assertThat(analyze().graphFromStore()).isFalse();
            assertThat(Files.readAllBytes(stored())).as("an edit in the working tree: the store stays its base").isEqualTo(base);

            repo.commitAll("TaxTable is abstract");
            Analysis committed = analyze();
            assertThat(committed.graphFromStore()).isFalse();
            assertThat(Files.readAllBytes(stored())).as("the committed file differs from the stored one").isNotEqualTo(base);
            assertThat(JsonReport.render(committed.selection())).isEqualTo(reportWithoutIndex());
            assertThat(analyze().graphFromStore()).as("stored again at the commit").isTrue();
        }
    }

    @Test
    void aCommittedEditThatNamesAnotherTypeIsPatchedAndStoredAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            byte[] base = Files.readAllBytes(stored());
            repo.write(TAX_TABLE, namingCents(taxTable()));
            assertThat(analyze().graphPatchedFiles()).isEqualTo(1);
            assertThat(Files.readAllBytes(stored())).as("an edit in the working tree: the store stays its base").isEqualTo(base);

            repo.commitAll("TaxTable names Cents");
            Analysis committed = analyze();
            assertThat(committed.graphPatchedFiles()).isEqualTo(1);
            assertThat(Files.readAllBytes(stored())).as("the patched graph, stored for the commit").isNotEqualTo(base);
            assertThat(JsonReport.render(committed.selection())).isEqualTo(reportWithoutIndex());
            Analysis next = analyze();
            assertThat(next.graphFromStore()).isTrue();
            assertThat(next.graphPatchedFiles()).as("nothing left to patch").isZero();
            assertThat(JsonReport.render(next.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    @Test
    void aStoreHoldingAnEditSinceRevertedIsWrittenAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String committed = taxTable();
            // reverted: the file is clean, and not what the store holds
            assertAStoreOfAnEditIsWrittenAgain(repo, madeAbstract(committed), committed);
        }
    }

    /**
     * A store written while a file held an uncommitted edit is no committed base for that file: a later edit of it that
     * the store cannot serve builds the graph, and stores it, so the run after is served (it used to build on every run
     * until the file was committed or reverted).
     */
    @Test
    void aStoreHoldingAnUncommittedEditIsWrittenAgainByTheBuildOfAnotherEdit() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String committed = taxTable();
            // made abstract: the store cannot serve it
            assertAStoreOfAnEditIsWrittenAgain(repo, namingCents(committed), madeAbstract(committed));
        }
    }

    /**
     * Stores the graph with TaxTable as {@code edited}, an edit git does not hold; then, with TaxTable as {@code now},
     * a run builds the graph and stores it, and the next run is served.
     */
    private void assertAStoreOfAnEditIsWrittenAgain(FixtureRepo repo, String edited, String now) throws IOException {
        repo.write(TAX_TABLE, edited);
        new TiaEngine(Progress.NONE, 0).analyze(TiaConfig.defaults(dir)); // stores the graph of that edit
        byte[] ofTheEdit = Files.readAllBytes(stored());

        repo.write(TAX_TABLE, now);
        Analysis built = analyze();
        assertThat(built.graphFromStore()).isFalse();
        assertThat(Files.readAllBytes(stored())).as("the store holds an edit git does not").isNotEqualTo(ofTheEdit);
        assertThat(JsonReport.render(built.selection())).isEqualTo(reportWithoutIndex());

        Analysis next = analyze();
        assertThat(next.graphFromStore()).as("served: the store is this run's").isTrue();
        assertThat(JsonReport.render(next.selection())).isEqualTo(reportWithoutIndex());
    }

    /**
     * A deleted file's types stay in the universe, left at the base, so every file naming them names them as before:
     * the stored graph loses what the file's own types brought, and the store stays the base of the working tree.
     */
    @Test
    void aDeletedFileIsPatchedOutAndTheStoreKeptAsTheBase() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            byte[] base = Files.readAllBytes(stored());
            String receipt = read(PAYMENTS + "Receipt.java");
            // Receipt is named by the gateways, by checkout's code and tests.
            repo.delete(PAYMENTS + "Receipt.java");

            Analysis deleted = analyze();
            assertPatchedAsBuilt(deleted, 1);
            assertSelected(deleted, "ReceiptPrinterTest");
            assertThat(Files.readAllBytes(stored())).as("an uncommitted deletion leaves the store as it was").isEqualTo(base);

            repo.write(PAYMENTS + "Receipt.java", receipt);
            Analysis restored = analyze();
            assertThat(restored.graphFromStore()).isTrue();
            assertThat(restored.graphPatchedFiles()).isZero();
        }
    }

    /**
     * A deleted file naming other types, with a file mate and a project supertype: its share of their lists goes, and
     * its types' own edges (to the supertype, to the artifact) and entries in the hierarchy.
     */
    @Test
    void aDeletedFileWithReferencesAFileMateAndASupertypeIsPatchedOut() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PAYMENTS + "BankTransferGateway.java", BANK_TRANSFER_GATEWAY);
            repo.commitAll("bank transfers");
            analyze();
            repo.delete(PAYMENTS + "BankTransferGateway.java");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** A rename: the old file's types are left at the base, the new file's added, both patched in one run. */
    @Test
    void aRenamedFileIsPatched() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            String receipt = read(PAYMENTS + "Receipt.java");
            repo.delete(PAYMENTS + "Receipt.java");
            repo.write(PAYMENTS + "Voucher.java", receipt.replace("record Receipt(", "record Voucher("));

            assertPatchedAsBuilt(analyze(), 2);
        }
    }

    /** A deleted test file: its test classes leave the catalog and their module's tests. */
    @Test
    void aDeletedTestFileIsPatchedOut() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.delete("libs/pricing/src/test/java/com/example/pricing/MoneyTest.java");

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.testsNamed("MoneyTest")).isEmpty();
        }
    }

    /**
     * A type another type implements: left at the base, the implementation keeps its edge to it (its name resolves as
     * before) but no longer lists it among its project supertypes, as a build's hierarchy lists only declared types.
     */
    @Test
    void aDeletedSupertypeLeavesItsSubtypesHierarchy() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            repo.write(PAYMENTS + "Refundable.java", "package com.example.payments;\n\npublic interface Refundable {\n}\n");
            String card = read(PAYMENTS + "CardPaymentGateway.java");
            assertThat(card).contains("implements PaymentGateway {");
            repo.write(PAYMENTS + "CardPaymentGateway.java", card.replace("implements PaymentGateway {",
                    "implements PaymentGateway, Refundable {"));
            repo.commitAll("refunds");
            analyze();
            repo.delete(PAYMENTS + "Refundable.java");

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.graph().hierarchyByType().toString()).contains("CardPaymentGateway=[com.example.payments.PaymentGateway]");
        }
    }

    /** A type a services file names (what `ServiceLoader` loads): the resource's edges read it, so the graph is built. */
    @Test
    void aDeletedServiceInterfaceBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.delete(PAYMENTS + "PaymentGateway.java");

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    /** A base test that a test of another file extends: that test's entry reads it, so the graph is built. */
    @Test
    void aDeletedBaseTestBuildsTheGraph() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.delete(CHECKOUT_TESTS + "CheckoutContractTest.java");

            Analysis warm = analyze();
            assertBuiltAsWithoutIndex(warm);
        }
    }

    @Test
    void typesLeftAtTheBaseAreInTheKey() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            // Stores every graph it builds, so the second run finds the graph of the first.
            TiaEngine storingEveryGraph = new TiaEngine(Progress.NONE, 0);
            repo.delete("libs/payments/src/main/java/com/example/payments/Receipt.java");
            Analysis first = storingEveryGraph.analyze(TiaConfig.defaults(dir));
            assertThat(first.graphFromStore()).isFalse();

            Analysis second = storingEveryGraph.analyze(TiaConfig.defaults(dir));
            assertThat(second.graphFromStore()).as("the same type left at base").isTrue();
            assertThat(JsonReport.render(second.selection())).isEqualTo(reportWithoutIndex());

            repo.commitAll("Receipt deleted");
            Analysis committed = storingEveryGraph.analyze(TiaConfig.defaults(dir).with(ConfigKey.BASE, repo.head().name()));
            assertThat(committed.graphFromStore()).as("no type left at a base that has none").isFalse();
        }
    }

    @Test
    void aCorruptStoreIsReportedAndBuiltAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String expected = JsonReport.render(analyze().selection());
            byte[] bytes = Files.readAllBytes(stored());
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(stored(), bytes);

            Analysis afterCorruption = analyze();
            assertThat(afterCorruption.graphFromStore()).isFalse();
            assertThat(afterCorruption.selection().notes()).anySatisfy(note -> assertThat(note).contains("stored graph", "corrupt"));
            assertThat(afterCorruption.selection().tests()).isEqualTo(analyze().selection().tests());
            Analysis next = analyze();
            assertThat(next.graphFromStore()).as("stored again after the corrupt one").isTrue();
            assertThat(JsonReport.render(next.selection())).isEqualTo(expected);
        }
    }

    @Test
    void aWellFramedStoreWithBadContentIsReportedAndBuiltAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            Files.write(stored(), CacheFraming.framed("tia-graph", GraphStore.FORMAT_VERSION, TiaEngine.version(),
                    new byte[] {1, 0, 0, 0, 0, 5}));

            Analysis analysis = analyze();
            assertThat(analysis.graphFromStore()).isFalse();
            assertThat(analysis.selection().notes()).anySatisfy(note -> assertThat(note).contains("stored graph", "corrupt"));
            assertThat(analyze().graphFromStore()).isTrue();
        }
    }

    /** A stored graph whose file list is whole but whose graph does not decode (its last bytes cut). */
    @Test
    void aStoredGraphThatDoesNotDecodeIsReportedAndBuiltAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String expected = JsonReport.render(analyze().selection());
            CacheFraming.Payload payload = CacheFraming.unframe(Files.readAllBytes(stored()), "tia-graph", GraphStore.FORMAT_VERSION,
                    TiaEngine.version());
            byte[] content = Arrays.copyOfRange(payload.bytes(), payload.start(), payload.end() - 3);
            Files.write(stored(), CacheFraming.framed("tia-graph", GraphStore.FORMAT_VERSION, TiaEngine.version(), content));

            Analysis analysis = analyze();
            assertThat(analysis.graphFromStore()).isFalse();
            assertThat(analysis.selection().notes()).anySatisfy(note -> assertThat(note).contains("stored graph", "corrupt"));
            assertThat(JsonReport.render(analysis.selection())).isEqualTo(expected);
            assertThat(analyze().graphFromStore()).isTrue();
        }
    }

    @Test
    void aStoredFileOffsetOutOfRangeIsReportedAndBuiltAgain() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            CacheFraming.Payload payload = CacheFraming.unframe(Files.readAllBytes(stored()), "tia-graph", GraphStore.FORMAT_VERSION,
                    TiaEngine.version());
            ByteSource header = new ByteSource(payload.bytes(), payload.start(), payload.end());
            header.text(); // the store's id
            header.varint();
            header.text();
            header.text();
            header.text();
            for (int modules = header.count(); modules > 0; modules--) {
                header.text();
            }
            header.count();
            byte[] content = Arrays.copyOfRange(payload.bytes(), payload.start(), payload.end());
            int firstRecord = header.position() - payload.start();
            content[firstRecord + 7] = 0x7f; // the first path's offset among the texts, far past them
            Files.write(stored(), CacheFraming.framed("tia-graph", GraphStore.FORMAT_VERSION, TiaEngine.version(), content));

            Analysis analysis = analyze();
            assertThat(analysis.graphFromStore()).isFalse();
            assertThat(analysis.selection().notes()).anySatisfy(note -> assertThat(note).contains("stored graph", "corrupt"));
            assertThat(analyze().graphFromStore()).isTrue();
        }
    }

    @Test
    void aStoreOfAnEarlierFormatIsDeletedWhenTheGraphIsStored() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            Path earlier = stored().resolveSibling("graph-v1.bin");
            Files.createDirectories(earlier.getParent());
            Files.write(earlier, CacheFraming.framed("tia-graph", 1, TiaEngine.version(), new byte[] {0}));

            analyze();
            assertThat(stored()).exists();
            assertThat(earlier).as("never read again: it would only take space in a CI cache").doesNotExist();
        }
    }

    @Test
    void aStoreFromAnotherTiaVersionIsQuietlyReplaced() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            Files.createDirectories(stored().getParent());
            Files.write(stored(), CacheFraming.framed("tia-graph", GraphStore.FORMAT_VERSION, "0.0.1", new byte[] {0}));

            Analysis analysis = analyze();
            assertThat(analysis.graphFromStore()).isFalse();
            assertThat(analysis.selection().notes()).noneMatch(note -> note.contains("stored graph"));
            assertThat(analyze().graphFromStore()).isTrue();
        }
    }

    /**
     * Lets git's index settle: every tracked file's time set a minute back, and git's status run, which writes the
     * index once with those times. Without it the index is written again by each status for a while (files as new as
     * the index are "racily clean" to git), and each run would see another index.
     */
    private void settle() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !dir.relativize(f).startsWith(".git")).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
        FixtureRepo.runGit(dir, "status", "--porcelain");
    }

    /**
     * A run whose git index is the one an earlier run's check found the stored files listed from compares only the
     * paths git's status named (see {@code CheckedListing}); a path it did not name before makes it compare every file
     * once. Every answer is the one of a run without any store.
     */
    @Test
    void aRunWithTheIndexAnEarlierCheckListedComparesOnlyTheNamedPaths() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String committed = taxTable();
            settle();
            analyze(); // builds and stores the graph
            Analysis checked = analyze();
            int files = checked.indexStats().files();
            assertThat(checked.filesComparedWithStore()).as("every file, found the stored ones").isEqualTo(files);
            Analysis listed = analyze();
            assertThat(listed.graphFromStore()).isTrue();
            assertThat(listed.filesComparedWithStore()).as("nothing named").isZero();
            String clean = JsonReport.render(listed.selection());

            repo.write(TAX_TABLE, namingCents(committed));
            assertThat(analyze().filesComparedWithStore()).as("a path named anew").isEqualTo(files);
            repo.write(TAX_TABLE, namingCents(namingCents(committed)));
            Analysis edited = analyze();
            assertThat(edited.filesComparedWithStore()).as("the named path").isEqualTo(1);
            assertThat(edited.graphFromStore()).isTrue();
            assertSelected(edited, "com.example.pricing.TaxTableTest");
            Analysis withoutIndex = analyzeWithoutIndex();
            assertThat(JsonReport.render(edited.selection())).isEqualTo(JsonReport.render(withoutIndex.selection()));
            assertThat(edited.graph().successorsByNode()).as("TaxTable's reference to Cents patched in")
                    .isEqualTo(withoutIndex.graph().successorsByNode());

            // Reverted: git's status names it no more, so it is compared as a path named before, or git wrote its
            // index again on the way (the file's time is new), and every file is compared; the same answer either way.
            repo.write(TAX_TABLE, committed);
            Analysis reverted = analyze();
            assertThat(reverted.filesComparedWithStore()).isIn(1, files);
            assertThat(JsonReport.render(reverted.selection())).isEqualTo(clean).isEqualTo(reportWithoutIndex());
        }
    }

    /**
     * What a listing cannot vouch for is compared whole: a file deleted, a new file, another index (a staged edit), a
     * store written since. Each answer is the one of a run without any store.
     */
    @Test
    void filesAddedDeletedOrStagedSinceAListingAreComparedWhole() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String committed = taxTable();
            settle();
            analyze();
            analyze();
            int files = analyze().indexStats().files();
            String money = "libs/pricing/src/main/java/com/example/pricing/Money.java";
            String moneyText = read(money);

            repo.delete(money);
            Analysis deleted = analyze();
            assertThat(deleted.filesComparedWithStore()).isGreaterThan(1);
            assertThat(JsonReport.render(deleted.selection())).isEqualTo(reportWithoutIndex());
            repo.write(money, moneyText);
            Analysis back = analyze();
            assertThat(JsonReport.render(back.selection())).isEqualTo(reportWithoutIndex());

            String added = "libs/pricing/src/main/java/com/example/pricing/Rounding.java";
            repo.write(added, "package com.example.pricing;\npublic class Rounding { Money money; }\n");
            Analysis withNewFile = analyze();
            assertThat(withNewFile.filesComparedWithStore()).as("a path named anew").isEqualTo(files + 1);
            assertThat(JsonReport.render(withNewFile.selection())).isEqualTo(reportWithoutIndex());
            Analysis again = analyze();
            assertThat(JsonReport.render(again.selection())).isEqualTo(reportWithoutIndex());
            repo.delete(added);

            byte[] before = Files.readAllBytes(stored());
            repo.write(TAX_TABLE, namingCents(committed));
            FixtureRepo.runGit(dir, "add", TAX_TABLE); // staged: another index, which git's status no longer calls modified
            Analysis staged = analyze();
            assertThat(staged.filesComparedWithStore()).as("another index").isEqualTo(files);
            assertThat(JsonReport.render(staged.selection())).isEqualTo(reportWithoutIndex());
            assertThat(Files.readAllBytes(stored())).as("git's content differs from the store: stored again").isNotEqualTo(before);

            repo.commitAll("TaxTable names Cents");
            settle();
            analyze();
            assertThat(analyze().filesComparedWithStore()).isZero();
            Files.delete(stored());
            analyze(); // stores a graph again, with the same git index
            Analysis afterStore = analyze();
            assertThat(afterStore.filesComparedWithStore()).as("a listing of another store").isEqualTo(files);
            assertThat(JsonReport.render(afterStore.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /**
     * A listing whose named paths are among this run's files where they were not, and the reverse, with as many files
     * as stored: the lists differ though no path is named that was not, so every file is compared.
     */
    @Test
    void namedPathsThatCameAndWentSinceAListingAreComparedWhole() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String money = "libs/pricing/src/main/java/com/example/pricing/Money.java";
            String moneyText = read(money);
            String added = "libs/pricing/src/main/java/com/example/pricing/Rounding.java";
            String addedText = "package com.example.pricing;\npublic class Rounding { }\n";
            settle();
            repo.write(added, addedText);
            repo.delete(money);
            analyze(); // a store of the working tree: with Rounding, without Money
            analyze();
            Analysis listed = analyze();
            int files = listed.indexStats().files();
            assertThat(listed.filesComparedWithStore()).as("the named paths: Rounding, among the files").isEqualTo(1);

            repo.write(money, moneyText);
            repo.delete(added);
            Analysis swapped = analyze(); // Money back, Rounding gone: as many files, and none named
            assertThat(swapped.indexStats().files()).isEqualTo(files);
            assertThat(swapped.filesComparedWithStore()).isEqualTo(files);
            assertThat(JsonReport.render(swapped.selection())).isEqualTo(reportWithoutIndex());
        }
    }

    /**
     * A file added since the base and stored, then deleted: no base declares its types, so they leave the type universe.
     * The deletion's patch keeps a removed file's types, as a deleted file of the base leaves them at base; here it kept
     * a type that no longer exists (a node a test's name still resolved to beside the class its imports reach: more
     * edges than a build's, never fewer, as resolution keeps every candidate). The graph is built instead.
     */
    @Test
    void aDeletedFileThatNoBaseDeclaresLeavesTheUniverse() throws IOException {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String util = "libs/pricing/src/main/java/com/example/pricing/util/Rounding.java";
            repo.write(util, "package com.example.pricing.util;\npublic class Rounding {\n"
                    + "    public static int half(int x) { return x / 2; }\n}\n");
            repo.commitAll("a Rounding in util");
            String added = "libs/pricing/src/main/java/com/example/pricing/Rounding.java";
            repo.write(added, "package com.example.pricing;\npublic class Rounding { }\n");
            repo.write("libs/pricing/src/test/java/com/example/pricing/RoundingTest.java", """
                    package com.example.pricing;

                    import com.example.pricing.util.*;
                    import org.junit.jupiter.api.Test;

                    class RoundingTest {
                        @Test
                        void halves() {
                            Rounding.half(2);
                        }
                    }
                    """);
            analyze(); // stores the graph with both Roundings
            repo.delete(added);
            repo.write(util, read(util).replace("x / 2", "x >> 1"));
            Analysis deleted = analyze();
            Analysis withoutIndex = analyzeWithoutIndex();
            assertThat(deleted.graph().successorsByNode()).isEqualTo(withoutIndex.graph().successorsByNode());
            assertSelected(deleted, "com.example.pricing.RoundingTest");
            assertThat(JsonReport.render(deleted.selection())).isEqualTo(JsonReport.render(withoutIndex.selection()));
        }
    }
}
