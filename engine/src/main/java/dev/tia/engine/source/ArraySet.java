package dev.tia.engine.source;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * An immutable set of distinct elements in the order they were written, as the index and the store of resolved names
 * read them back: an array, hashed only once lookups make it worth it.
 *
 * <p>A warm run reads every file's identifiers, qualified names, calls and resolved references, and looks into few
 * of them: building a hashed set for each on reading was two thirds of decoding the index (50k classes). Small sets
 * are searched in order, and so are larger ones for their first few lookups (most get one or two, such as the check
 * for a new type's name in every file); a set looked into more often builds its hash table. Iteration order is the
 * written order, as for the {@code ImmutableSet} the analyzer and the resolver make, so nothing downstream sees a
 * difference; equality and hash code are those of any {@link Set}.
 */
final class ArraySet<E> extends AbstractSet<E> {

    /** Up to this many elements a lookup compares them in order instead of hashing. */
    private static final int SCAN_LIMIT = 8;
    /** Lookups a larger set answers by comparing in order before it builds its hash table. */
    private static final int SCANNED_LOOKUPS = 4;

    private final E[] elements;
    /** Built once a larger set has been looked into often; a race builds it twice, equal either time. */
    private volatile Set<E> hashed;
    /** Lookups so far, to decide when to hash; racy increments only move that moment. */
    private int lookups;

    private ArraySet(E[] elements) {
        this.elements = elements;
    }

    /** @param elements distinct, not null; kept, not copied */
    static <E> ArraySet<E> of(E[] elements) {
        return new ArraySet<>(elements);
    }

    @Override
    public boolean contains(Object value) {
        Set<E> table = hashed;
        if (table != null) {
            return table.contains(value);
        }
        if (elements.length <= SCAN_LIMIT || lookups++ < SCANNED_LOOKUPS) {
            for (E element : elements) {
                if (element.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        table = new HashSet<>(Arrays.asList(elements));
        hashed = table;
        return table.contains(value);
    }

    @Override
    public Iterator<E> iterator() {
        return Arrays.asList(elements).iterator(); // its remove() is unsupported: the set cannot change
    }

    @Override
    public int size() {
        return elements.length;
    }
}
