package dev.tia.engine.graph;

/** A first-in first-out queue of node numbers for the walks, without a boxed {@code Integer} for each node. */
final class IntQueue {

    private int[] items = new int[64];
    private int head;
    private int tail;

    void add(int item) {
        if (tail == items.length) {
            // full: slide what is left down when most was consumed, else grow
            int[] into = head > items.length / 2 ? items : new int[items.length * 2];
            System.arraycopy(items, head, into, 0, tail - head);
            items = into;
            tail -= head;
            head = 0;
        }
        items[tail++] = item;
    }

    boolean isEmpty() {
        return head == tail;
    }

    int poll() {
        return items[head++];
    }
}
