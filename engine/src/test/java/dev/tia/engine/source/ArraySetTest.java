package dev.tia.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ArraySetTest {

    private static String[] names(int count) {
        return IntStream.range(0, count).mapToObj(i -> "name" + (count - i)).toArray(String[]::new);
    }

    @Test
    void answersAsTheSetTheAnalyzerMakes() {
        for (int size : new int[] {2, 8, 9, 40}) {
            String[] names = names(size);
            ArraySet set = ArraySet.of(names.clone());
            ImmutableSet<String> expected = ImmutableSet.copyOf(names);
            assertThat(set).as("size %d", size).containsExactlyElementsOf(expected); // same order
            assertThat(set).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(expected).isEqualTo(set);
            for (String name : names) {
                assertThat(set.contains(name)).isTrue();
            }
            assertThat(set.contains("name0")).isFalse();
            assertThat(set.contains("name")).as("no prefix match").isFalse();
            assertThat(set.contains(null)).isFalse();
            assertThat(set.contains(1)).isFalse();
            assertThat(set.containsAll(List.of(names[0], names[size - 1]))).isTrue();
        }
    }

    @Test
    void cannotBeChanged() {
        ArraySet set = ArraySet.of(names(12));
        assertThatThrownBy(() -> set.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.remove("name1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(set::clear).isInstanceOf(UnsupportedOperationException.class);
        Iterator<String> iterator = set.iterator();
        iterator.next();
        assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(set).hasSize(12).contains("name1", "name12");
    }

    @Test
    void lookupsFromManyThreadsAgree() {
        ArraySet set = ArraySet.of(names(100));
        assertThat(IntStream.range(0, 10_000).parallel().allMatch(i -> set.contains("name" + (i % 100 + 1))
                && !set.contains("other" + i))).isTrue();
    }
}
