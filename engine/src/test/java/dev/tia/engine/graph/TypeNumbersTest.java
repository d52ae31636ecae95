package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.source.TypeRef;

import org.junit.jupiter.api.Test;

/** The graph's table of type numbers finds every type by an equal reference, through growth. */
class TypeNumbersTest {

    @Test
    void findsEveryTypeByAnEqualReferenceAfterGrowing() {
        TypeNumbers numbers = new TypeNumbers(4);
        for (int i = 0; i < 20_000; i++) {
            numbers.put(new TypeRef("m" + (i % 7), "p.C" + i), i);
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(numbers.get(new TypeRef("m" + (i % 7), "p.C" + i))).isEqualTo(i);
        }
        // same name in another module, and a name never put
        assertThat(numbers.get(new TypeRef("m1", "p.C0"))).isEqualTo(-1);
        assertThat(numbers.get(new TypeRef("m0", "p.Missing"))).isEqualTo(-1);
    }
}
