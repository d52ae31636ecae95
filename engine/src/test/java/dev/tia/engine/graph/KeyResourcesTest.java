package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import dev.tia.engine.source.ResourceFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * {@link GraphStore.KeyResources}: a run compares its resources with a stored key's text without making its own, so
 * that comparison must answer exactly as comparing the two texts would, field by field and at the ends.
 */
class KeyResourcesTest {

    private static final ResourceFacts CONTEXT = new ResourceFacts("shop/src/main/resources/context.xml", "shop", false,
            ImmutableSet.of("shop.Cart", "shop.Money"), Optional.empty(), ImmutableSet.of("total"));
    private static final ResourceFacts SERVICES = new ResourceFacts(
            "shop/src/main/resources/META-INF/services/shop.Pricing", "shop", false, ImmutableSet.of("shop.FlatPricing"),
            Optional.of("shop.Pricing"), ImmutableSet.of());
    private static final ResourceFacts TEST_DATA = new ResourceFacts("shop/src/test/resources/cart.json", "shop", true,
            ImmutableSet.of("shop.Cart"), Optional.empty(), ImmutableSet.of());

    private static final List<ResourceFacts> STORED = List.of(CONTEXT, SERVICES, TEST_DATA);

    @Test
    void theSameResourcesReadAsTheStoredText() {
        GraphStore.KeyResources stored = storedKey(STORED);

        assertThat(GraphStore.KeyResources.of(STORED).sameAs(stored)).isTrue();
        assertThat(stored.sameAs(GraphStore.KeyResources.of(STORED))).isTrue();
        // What a run called calls is no part of the key: the member-level walk reads it from the run's resources.
        assertThat(GraphStore.KeyResources.of(List.of(new ResourceFacts(CONTEXT.path(), CONTEXT.module(),
                CONTEXT.test(), CONTEXT.names(), CONTEXT.serviceInterface(), ImmutableSet.of("pay")), SERVICES, TEST_DATA)).sameAs(stored)).isTrue();
    }

    @Test
    void everyFieldOfEveryResourceCounts() {
        GraphStore.KeyResources stored = storedKey(STORED);
        List<UnaryOperator<ResourceFacts>> edits = List.of(
                r -> new ResourceFacts(r.path() + "x", r.module(), r.test(), r.names(), r.serviceInterface(), r.calledNames()),
                r -> new ResourceFacts(r.path(), "other", r.test(), r.names(), r.serviceInterface(), r.calledNames()),
                r -> new ResourceFacts(r.path(), r.module(), !r.test(), r.names(), r.serviceInterface(), r.calledNames()),
                r -> new ResourceFacts(r.path(), r.module(), r.test(), ImmutableSet.<String>builder().addAll(r.names())
                        .add("shop.Added").build(), r.serviceInterface(), r.calledNames()),
                r -> new ResourceFacts(r.path(), r.module(), r.test(), ImmutableSet.of(r.names().asList().get(0) + "s"),
                        r.serviceInterface(), r.calledNames()),
                r -> new ResourceFacts(r.path(), r.module(), r.test(), r.names(),
                        r.serviceInterface().isPresent() ? Optional.empty() : Optional.of("shop.Pricing"), r.calledNames()));
        for (int at = 0; at < STORED.size(); at++) {
            for (UnaryOperator<ResourceFacts> edit : edits) {
                List<ResourceFacts> now = new ArrayList<>(STORED);
                now.set(at, edit.apply(now.get(at)));
                assertThat(GraphStore.KeyResources.of(now).sameAs(stored)).as("resource %d edited: %s", at, now.get(at)).isFalse();
                assertThat(GraphStore.KeyResources.of(now).sameAs(storedKey(now))).isTrue();
            }
        }
    }

    @Test
    void aResourceMoreOrLessOrInAnotherOrderDiffers() {
        GraphStore.KeyResources stored = storedKey(STORED);

        assertThat(GraphStore.KeyResources.of(List.of(CONTEXT, SERVICES)).sameAs(stored)).isFalse();
        assertThat(GraphStore.KeyResources.of(List.of(CONTEXT, SERVICES, TEST_DATA, TEST_DATA)).sameAs(stored)).isFalse();
        assertThat(GraphStore.KeyResources.of(List.of(SERVICES, CONTEXT, TEST_DATA)).sameAs(stored)).isFalse();
        assertThat(GraphStore.KeyResources.of(List.of()).sameAs(stored)).isFalse();
        assertThat(GraphStore.KeyResources.of(List.of()).sameAs(storedKey(List.of()))).isTrue();
        // A stored text cut short, or with more after it, is not what the run writes.
        String text = GraphStore.KeyResources.of(STORED).text();
        assertThat(GraphStore.KeyResources.of(STORED).sameAs(GraphStore.KeyResources.stored(text.substring(0, text.length() - 1))))
                .isFalse();
        assertThat(GraphStore.KeyResources.of(STORED).sameAs(GraphStore.KeyResources.stored(text + "\n"))).isFalse();
    }

    /** A stored key's resources: the text a run of {@code resources} wrote, as the store reads it back. */
    private static GraphStore.KeyResources storedKey(List<ResourceFacts> resources) {
        return GraphStore.KeyResources.stored(GraphStore.KeyResources.of(resources).text());
    }
}
