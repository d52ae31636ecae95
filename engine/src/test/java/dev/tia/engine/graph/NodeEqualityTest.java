package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.source.TypeRef;

import org.junit.jupiter.api.Test;

/**
 * {@link TypeRef} and the most built {@link Node}s write out {@code equals} and {@code hashCode} for speed: they must
 * agree with what a record derives, hash for hash, so that no map or set iterates in another order than before.
 */
class NodeEqualityTest {

    private record PlainTypeRef(String module, String name) {
    }

    private record PlainType(PlainTypeRef type) {
    }

    private record PlainMember(PlainTypeRef type, String signature) {
    }

    private record PlainPath(String path) {
    }

    @Test
    void hashesAreTheOnesARecordDerives() {
        TypeRef type = new TypeRef("modules/m1", "com.acme.Order");
        PlainTypeRef plain = new PlainTypeRef("modules/m1", "com.acme.Order");
        assertThat(type.hashCode()).isEqualTo(plain.hashCode());
        assertThat(new Node.Type(type).hashCode()).isEqualTo(new PlainType(plain).hashCode());
        assertThat(new Node.Member(type, "total(int)").hashCode()).isEqualTo(new PlainMember(plain, "total(int)").hashCode());
        assertThat(new Node.File("a/B.java").hashCode()).isEqualTo(new PlainPath("a/B.java").hashCode());
    }

    @Test
    void equalWhenEveryComponentIsEqualAndOnlyThen() {
        TypeRef type = new TypeRef("m1", "a.B");
        assertThat(type).isEqualTo(new TypeRef(new String("m1"), new String("a.B")));
        assertThat(type).isNotEqualTo(new TypeRef("m2", "a.B")).isNotEqualTo(new TypeRef("m1", "a.C")).isNotEqualTo("a.B");
        assertThat(new Node.Type(type)).isEqualTo(new Node.Type(new TypeRef("m1", "a.B")))
                .isNotEqualTo(new Node.Type(new TypeRef("m2", "a.B")));
        assertThat(new Node.Member(type, "f()")).isEqualTo(new Node.Member(new TypeRef("m1", "a.B"), "f()"))
                .isNotEqualTo(new Node.Member(type, "g()")).isNotEqualTo(new Node.Member(new TypeRef("m2", "a.B"), "f()"));
        assertThat(new Node.File("a/B.java")).isEqualTo(new Node.File("a/B.java")).isNotEqualTo(new Node.File("a/C.java"))
                .isNotEqualTo(new Node.Module("a/B.java", "a/B.java"));
    }
}
