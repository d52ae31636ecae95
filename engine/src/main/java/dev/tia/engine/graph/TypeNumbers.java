package dev.tia.engine.graph;

import dev.tia.engine.source.TypeRef;

/**
 * The graph's numbers of its type nodes: an open-addressing table of types and ints. Building the graph looks a type
 * up for every edge (hundreds of thousands at 50k classes); a {@code HashMap<TypeRef, Integer>} made each lookup
 * follow an entry and a boxed value as well, which cost more than the successor lists the numbers replaced.
 */
final class TypeNumbers {

    private TypeRef[] keys;
    /** Each key's hash beside it, so a probe past another key does not read that key's object. */
    private int[] hashes;
    private int[] values;
    private int size;

    TypeNumbers(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new TypeRef[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
    }

    /** The number of {@code type}, or -1. */
    int get(TypeRef type) {
        int mask = keys.length - 1;
        int hash = type.hashCode();
        for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
            TypeRef key = keys[i];
            if (key == null) {
                return -1;
            }
            if (hashes[i] == hash && (key == type || key.equals(type))) {
                return values[i];
            }
        }
    }

    /** Numbers {@code type} (which must not have a number yet) {@code number}. */
    void put(TypeRef type, int number) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(type, number);
        size++;
    }

    private void grow() {
        TypeRef[] oldKeys = keys;
        int[] oldValues = values;
        keys = new TypeRef[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void insert(TypeRef type, int number) {
        int mask = keys.length - 1;
        int hash = type.hashCode();
        int i = slot(hash, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = type;
        hashes[i] = hash;
        values[i] = number;
    }

    /** Spreads the hash: types of one package differ mostly in the low bits of their names' hashes. */
    static int slot(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
