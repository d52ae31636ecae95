package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The accessor check without a regular expression answers as the patterns it replaced did. */
class AccessorNamesTest {

    private static final Pattern GETTER = Pattern.compile("(get|is)[A-Z0-9_$].*");
    private static final Pattern SETTER = Pattern.compile("set[A-Z0-9_$].*");

    @Test
    void sameAnswersAsThePatterns() {
        List<String> names = List.of("get", "is", "set", "getX", "getx", "get1", "get_", "get$", "isEmpty", "island",
                "is2", "setUp", "setup", "settle", "set_", "Get", "value", "g", "", "getÄ", "isA", "set$x", "gets", "i");
        for (String name : names) {
            assertThat(CallIndex.startsAccessor(name, "get") || CallIndex.startsAccessor(name, "is"))
                    .as("getter %s", name).isEqualTo(GETTER.matcher(name).matches());
            assertThat(CallIndex.startsAccessor(name, "set")).as("setter %s", name).isEqualTo(SETTER.matcher(name).matches());
        }
    }
}
