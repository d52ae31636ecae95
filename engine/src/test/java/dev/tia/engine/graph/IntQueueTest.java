package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The walks' queue keeps first-in first-out order through growing and sliding its array. */
class IntQueueTest {

    @Test
    void keepsOrderLikeADequeThroughGrowthAndSlides() {
        Random random = new Random(7);
        IntQueue queue = new IntQueue();
        Deque<Integer> expected = new ArrayDeque<>();
        for (int step = 0; step < 100_000; step++) {
            // more adds than polls at first (growth), then more polls than adds (slides into a half-empty array)
            boolean add = step < 50_000 ? random.nextInt(3) > 0 : random.nextInt(3) == 0;
            if (add || expected.isEmpty()) {
                queue.add(step);
                expected.add(step);
            } else {
                assertThat(queue.poll()).isEqualTo(expected.poll());
            }
            assertThat(queue.isEmpty()).isEqualTo(expected.isEmpty());
        }
        while (!expected.isEmpty()) {
            assertThat(queue.poll()).isEqualTo(expected.poll());
        }
        assertThat(queue.isEmpty()).isTrue();
    }
}
