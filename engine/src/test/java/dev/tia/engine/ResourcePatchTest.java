package dev.tia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.config.ConfigKey;
import dev.tia.engine.config.TiaConfig;
import dev.tia.engine.graph.GraphStore;
import dev.tia.engine.report.JsonReport;
import dev.tia.engine.select.TestStatus;
import dev.tia.fixtures.FixtureRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored graph across edits of text resources (see {@code ResourcePatch}): a resource that names other types than
 * stored has its edges patched into the stored graph, which is then the one a build makes, node for node and edge for
 * edge; where the patch cannot keep the build's numbering, the graph is built. {@code WarmIndexOracleTest} holds the
 * same to random edits of services files and properties.
 */
class ResourcePatchTest {

    private static final String NOTIFICATIONS = "services/notifications/src/main/resources/";
    private static final String BEANS = NOTIFICATIONS + "notifications.xml";
    private static final String SMS_GATEWAY = "services/notifications/src/main/java/com/example/notifications/SmsGateway.java";

    @TempDir
    Path dir;

    private Analysis analyze() {
        return new TiaEngine().analyze(TiaConfig.defaults(dir));
    }

    private Analysis analyzeWithoutIndex() {
        return new TiaEngine().analyze(TiaConfig.defaults(dir).with(ConfigKey.CACHE_DIR, ""));
    }

    private static String beans(String... classes) {
        StringBuilder xml = new StringBuilder("<beans>\n");
        for (String name : classes) {
            xml.append("  <bean class=\"com.example.notifications.").append(name).append("\"/>\n");
        }
        return xml.append("</beans>\n").toString();
    }

    /** The shop with a Spring context in notifications naming {@code classes}, committed, and its graph stored. */
    private FixtureRepo shopWithBeans(String... classes) {
        FixtureRepo repo = FixtureRepo.create("shop", dir);
        repo.write(BEANS, beans(classes));
        repo.commitAll("a Spring context");
        Analysis first = analyze();
        assertThat(first.graphFromStore()).isFalse();
        return repo;
    }

    /** The patched graph is the one a build makes: its edges, hierarchy, types named in text, catalog and report. */
    private void assertPatchedAsBuilt(Analysis warm, int resources) {
        assertThat(warm.graphFromStore()).as("graph from the store").isTrue();
        assertThat(warm.graphPatchedResources()).as("resources patched").isEqualTo(resources);
        Analysis built = analyzeWithoutIndex();
        assertThat(warm.graph().successorsByNode()).isEqualTo(built.graph().successorsByNode());
        assertThat(warm.graph().hierarchyByType()).isEqualTo(built.graph().hierarchyByType());
        assertThat(warm.graph().namedInText()).isEqualTo(built.graph().namedInText());
        assertThat(warm.catalog().tests()).isEqualTo(built.catalog().tests());
        assertThat(JsonReport.render(warm.selection())).isEqualTo(JsonReport.render(built.selection()));
    }

    @Test
    void aContextNamingAnotherBeanIsPatchedAndItsModulesTestsFollowThatBean() throws IOException {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            repo.write(BEANS, beans("Notifier", "SmsGateway"));
            String gateway = Files.readString(dir.resolve(SMS_GATEWAY));
            repo.write(SMS_GATEWAY, gateway.replace("sms-gateway v1", "sms-gateway v2"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            // Whoever loads the context runs the bean: every test of the module, EmailTemplateTest among them, which
            // nothing else ties to SmsGateway.
            assertThat(warm.testsNamed("EmailTemplateTest")).singleElement()
                    .satisfies(t -> assertThat(t.status()).isEqualTo(TestStatus.SELECTED));
        }
    }

    @Test
    void aBeanNoLongerNamedLeavesTheTypesNamedInText() {
        try (FixtureRepo repo = shopWithBeans("Notifier", "EmailTemplate")) {
            repo.write(BEANS, beans("Notifier"));

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    @Test
    void aPropertyKeyRenamedIsPatchedWithNoEdgeChanged() {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            // Dotted keys are names to the scan: before, any such edit built the whole graph.
            repo.write("services/checkout/src/main/resources/application.properties", "checkout.currency.code=EUR\n");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    @Test
    void aResourceAfterTheModulesFirstNamingOneIsPatchedIn() {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            repo.write(NOTIFICATIONS + "sms.properties", "gateway=com.example.notifications.SmsGateway\n");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    /** The new resource's edge would number the module's node before the context's did: the graph is built. */
    @Test
    void aResourceThatBecomesTheModulesFirstToNameATypeBuildsTheGraph() {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            repo.write(NOTIFICATIONS + "alerts.properties", "gateway=com.example.notifications.SmsGateway\n");

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isFalse();
            assertThat(JsonReport.render(warm.selection())).isEqualTo(JsonReport.render(analyzeWithoutIndex().selection()));
        }
    }

    @Test
    void aServicesFileListingAnotherImplementationIsPatched() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            String payments = "libs/payments/src/main/java/com/example/payments/";
            repo.write(payments + "BankGateway.java", """
                    package com.example.payments;

                    public class BankGateway implements PaymentGateway {
                        public String name() {
                            return "bank";
                        }

                        public Receipt charge(long cents) {
                            return new Receipt(cents, name());
                        }
                    }
                    """);
            repo.commitAll("a second gateway");
            analyze();
            repo.write("libs/payments/src/main/resources/META-INF/services/com.example.payments.PaymentGateway",
                    "com.example.payments.CardPaymentGateway\ncom.example.payments.BankGateway\n");

            assertPatchedAsBuilt(analyze(), 1);
        }
    }

    private static final String PUSH_GATEWAY = "services/notifications/src/main/java/com/example/notifications/PushGateway.java";

    private static String pushGateway() {
        return """
                package com.example.notifications;

                public class PushGateway {
                    @Override
                    public String toString() {
                        return "push-gateway";
                    }
                }
                """;
    }

    /** A new class and the context that now names it, in one change: both patched in. */
    @Test
    void aNewClassRegisteredInTheContextIsPatchedInWithIt() {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            repo.write(PUSH_GATEWAY, pushGateway());
            repo.write(BEANS, beans("Notifier", "PushGateway"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.graphPatchedFiles()).as("the new file").isEqualTo(1);
        }
    }

    /** A context that named a class before it existed gives the class its edges once it does, its text unchanged. */
    @Test
    void aNewClassThatAnUnchangedContextNamesIsPatchedIn() {
        try (FixtureRepo repo = shopWithBeans("Notifier", "PushGateway")) {
            repo.write(PUSH_GATEWAY, pushGateway());

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 0);
            assertThat(warm.graphPatchedFiles()).isEqualTo(1);
            assertThat(warm.chainsFrom(PUSH_GATEWAY)).as("through the context to every test of its module")
                    .anySatisfy(chain -> assertThat(chain).contains("EmailTemplateTest"));
        }
    }

    /** A new implementation and its line in the services file, as a provider is added. */
    @Test
    void aNewImplementationListedInTheServicesFileIsPatchedInWithIt() {
        try (FixtureRepo repo = FixtureRepo.create("shop", dir)) {
            analyze();
            repo.write("libs/payments/src/main/java/com/example/payments/BankGateway.java", """
                    package com.example.payments;

                    public class BankGateway implements PaymentGateway {
                        public String name() {
                            return "bank";
                        }

                        public Receipt charge(long cents) {
                            return new Receipt(cents, name());
                        }
                    }
                    """);
            repo.write("libs/payments/src/main/resources/META-INF/services/com.example.payments.PaymentGateway",
                    "com.example.payments.CardPaymentGateway\ncom.example.payments.BankGateway\n");

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.graphPatchedFiles()).isEqualTo(1);
        }
    }

    /** A class deleted and its bean taken out of the context, in one change: both patched. */
    @Test
    void aClassDeletedWithItsBeanIsPatchedOutWithIt() {
        try (FixtureRepo repo = shopWithBeans("Notifier", "EmailTemplate")) {
            repo.delete("services/notifications/src/main/java/com/example/notifications/EmailTemplate.java");
            repo.write(BEANS, beans("Notifier"));

            Analysis warm = analyze();
            assertPatchedAsBuilt(warm, 1);
            assertThat(warm.graphPatchedFiles()).as("the deleted file").isEqualTo(1);
        }
    }

    /** A class deleted that a resource still names: what the resource loads is unknown, so the graph is built. */
    @Test
    void aClassDeletedThatAResourceStillNamesBuildsTheGraph() {
        try (FixtureRepo repo = shopWithBeans("Notifier", "EmailTemplate")) {
            repo.delete("services/notifications/src/main/java/com/example/notifications/EmailTemplate.java");
            repo.write(NOTIFICATIONS + "sms.properties", "gateway=com.example.notifications.SmsGateway\n");

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isFalse();
            assertThat(JsonReport.render(warm.selection())).isEqualTo(JsonReport.render(analyzeWithoutIndex().selection()));
        }
    }

    /** What a template calls is read from this run's resources by the member-level walk, never from the store. */
    @Test
    void aTemplateCallingAnotherMethodUsesTheStoredGraphAsItIs() {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            repo.write(NOTIFICATIONS + "shipped.html", "<p>${send('shipped')}</p>\n");
            repo.commitAll("a template");
            analyze();
            repo.write(NOTIFICATIONS + "shipped.html", "<p>${resend('shipped')}</p>\n");

            Analysis warm = analyze();
            assertThat(warm.graphFromStore()).isTrue();
            assertThat(warm.graphPatchedResources()).isZero();
            assertThat(JsonReport.render(warm.selection())).isEqualTo(JsonReport.render(analyzeWithoutIndex().selection()));
        }
    }

    /** Committed, the edit makes the store stale: the patched graph is stored, and the next run uses it as it is. */
    @Test
    void aCommittedResourceEditIsPatchedAndStoredAgain() throws IOException {
        try (FixtureRepo repo = shopWithBeans("Notifier")) {
            Path stored = dir.resolve(".tia/cache").resolve(GraphStore.FILE_NAME);
            byte[] base = Files.readAllBytes(stored);
            repo.write(BEANS, beans("Notifier", "SmsGateway"));
            repo.commitAll("another bean");

            assertPatchedAsBuilt(analyze(), 1);
            assertThat(Files.readAllBytes(stored)).as("the patched graph, stored for the commit").isNotEqualTo(base);

            Analysis next = analyze();
            assertThat(next.graphFromStore()).isTrue();
            assertThat(next.graphPatchedResources()).as("the stored graph names the bean already").isZero();
        }
    }
}
