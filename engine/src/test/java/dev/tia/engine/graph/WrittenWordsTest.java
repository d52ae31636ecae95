package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.JavaFileAnalyzer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * {@link WrittenWords}: a class added is patched in only when no stored file writes its simple name, so the stored
 * words must hold every word {@link WrittenWords#writesAny} finds in a file, and "not written" must be true.
 */
class WrittenWordsTest {

    private static final String CART = """
            package shop.orders;

            import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
            import shop.pricing.*;
            import static shop.pricing.Rates.STANDARD;
            import static shop.tax.Tables.*;

            @Audited
            public class Cart extends BaseCart implements shop.api.Priced {
                private static final String LOADER = "shop.plugins.LoaderImpl";
                private static final String NOTE = "not a name";

                int total(List<Integer> items) {
                    int count = items.size();
                    return count + Outer.Inner.LIMIT + Money$Legacy.ZERO;
                }

                static class Line {
                }
            }
            """;

    private final JavaFileAnalyzer analyzer = new JavaFileAnalyzer();

    private static WrittenWords stored(List<FileFacts> facts) throws CacheFraming.CorruptException {
        return stored(facts, IntUnaryOperator.identity());
    }

    /** @param current this run's number of each stored file, -1 for one removed since */
    private static WrittenWords stored(List<FileFacts> facts, IntUnaryOperator current) throws CacheFraming.CorruptException {
        ByteSink out = new ByteSink();
        WrittenWords.write(out, facts);
        out.varint(7); // what follows in the store: read up to, not past
        byte[] bytes = out.toBytes();
        ByteSource source = new ByteSource(bytes, 0, bytes.length);
        WrittenWords words = WrittenWords.read(source, facts.size(), current);
        assertThat(source.varint()).isEqualTo(7);
        return words;
    }

    private FileFacts naming(String name, String body) {
        return analyzer.analyze("src/main/java/shop/" + name + ".java", "package shop;\n" + body);
    }

    /**
     * The files writing a capitalized word are listed, each once, by this run's numbers; a word the store cannot list
     * (not capitalized, across segments) is unknown, and a capitalized word no file writes has none.
     */
    @Test
    void theFilesWritingACapitalizedWordAreListed() throws CacheFraming.CorruptException {
        List<FileFacts> facts = List.of(
                naming("Cart", "import shop.api.Result;\nclass Cart { Result total() { Result r = null; return r; } }"),
                naming("Till", "class Till { int count; }"),
                naming("Ledger", "class Ledger extends shop.api.Result { }"),
                naming("Report", "class Report { String title = \"shop.api.Result\"; }"));
        WrittenWords words = stored(facts);

        assertThat(words.writers("Result")).hasValueSatisfying(files -> assertThat(files).containsExactly(0, 2, 3));
        assertThat(words.writers("Till")).hasValueSatisfying(files -> assertThat(files).containsExactly(1));
        assertThat(words.writers("Invoice")).as("written by none").hasValueSatisfying(files -> assertThat(files).isEmpty());
        assertThat(words.writers("count")).as("not capitalized: not listed").isEmpty();
        assertThat(words.writers("Cart$Line")).as("across segments").isEmpty();
        assertThat(words.mayBeWritten("count")).isTrue();
    }

    @Test
    void theWritersAreNumberedAsThisRunNumbersThem() throws CacheFraming.CorruptException {
        List<FileFacts> facts = List.of(
                naming("Cart", "class Cart { Result r; }"),
                naming("Till", "class Till { Result r; }"),
                naming("Ledger", "class Ledger { Result r; }"));
        // A file added ahead of the second moves it and the third on; the third was removed since.
        WrittenWords words = stored(facts, stored -> stored == 2 ? -1 : stored == 1 ? 2 : stored);

        assertThat(words.writers("Result")).hasValueSatisfying(files -> assertThat(files).containsExactly(0, 2));
    }

    /** A word more files write than the store lists is too common to list: the patch then builds the graph. */
    @Test
    void aWordTooManyFilesWriteIsNotListed() throws CacheFraming.CorruptException {
        List<FileFacts> facts = new ArrayList<>(Collections.nCopies(WrittenWords.MOST_WRITERS, naming("Cart", "class Cart { Result r; }")));
        facts.add(naming("Till", "class Till { Result r; Rare q; }"));
        WrittenWords words = stored(facts);

        assertThat(words.writers("Result")).isEmpty();
        assertThat(words.mayBeWritten("Result")).isTrue();
        assertThat(words.writers("Rare")).hasValueSatisfying(files -> assertThat(files).containsExactly(WrittenWords.MOST_WRITERS));
        assertThat(words.writers("Cart")).as("as many as listed").hasValueSatisfying(
                files -> assertThat(files).hasSize(WrittenWords.MOST_WRITERS).startsWith(0, 1, 2));
    }

    @Test
    void everyWordAFileWritesIsFoundAndOthersAreNot() throws CacheFraming.CorruptException {
        FileFacts cart = analyzer.analyze("src/main/java/shop/orders/Cart.java", CART);
        WrittenWords words = stored(List.of(cart));

        // package, imports of each kind, annotation, supertypes, literal shaped like a name, locals, qualified names,
        // a nested type, and both halves of a name with a dollar
        for (String word : List.of("shop", "orders", "List", "pricing", "Rates", "STANDARD", "tax", "Tables", "Audited",
                "BaseCart", "api", "Priced", "plugins", "LoaderImpl", "count", "items", "Outer", "Inner", "LIMIT", "Money",
                "Legacy", "Line", "Cart")) {
            assertThat(WrittenWords.writesAny(cart, Set.of(word))).as(word).isTrue();
            assertThat(words.mayBeWritten(word)).as(word).isTrue();
        }
        for (String word : List.of("Surcharge", "Invoice", "not", "Cart2", "art", "LoaderImp")) {
            assertThat(WrittenWords.writesAny(cart, Set.of(word))).as(word).isFalse();
            assertThat(words.mayBeWritten(word)).as(word).isFalse();
        }
        assertThat(words.mayBeWritten("Money$Legacy")).as("no segment: may be written across segments").isTrue();
    }

    /** The property the patch rests on: whatever a file is found to write, the stored words hold. */
    @Test
    void theStoredWordsHoldEveryWordFoundInAnyFile() throws CacheFraming.CorruptException {
        FileFacts cart = analyzer.analyze("src/main/java/shop/orders/Cart.java", CART);
        FileFacts other = analyzer.analyze("src/test/java/shop/orders/CartTest.java", """
                package shop.orders;
                class CartTest {
                    @org.junit.jupiter.api.Test
                    void totals() {
                        Object value = java.util.Map.of("k", "shop.orders.Cart$Line");
                    }
                }
                """);
        WrittenWords words = stored(List.of(cart, other));

        Set<String> candidates = new TreeSet<>();
        for (String text : List.of(CART, "org.junit.jupiter.api.Test totals value java.util.Map.of k shop.orders.Cart$Line")) {
            for (String token : text.split("[^A-Za-z0-9_$]+")) {
                candidates.add(token);
                candidates.addAll(List.of(token.split("\\$")));
            }
        }
        int found = 0;
        for (String word : candidates) {
            if (!word.isEmpty() && (WrittenWords.writesAny(cart, Set.of(word)) || WrittenWords.writesAny(other, Set.of(word)))) {
                found++;
                assertThat(words.mayBeWritten(word)).as(word).isTrue();
            }
        }
        assertThat(found).isGreaterThan(30);
    }

    @Test
    void noFilesWriteNothing() throws CacheFraming.CorruptException {
        WrittenWords words = stored(List.of());

        assertThat(words.mayBeWritten("Cart")).isFalse();
        assertThat(words.mayBeWritten("")).as("no word to look up: assumed written").isTrue();
    }

    @Test
    void segmentsAreFoundBetweenDotsAndDollarsOnly() {
        assertThat(WrittenWords.hasSegment("a.b.Cart$Line", "Cart")).isTrue();
        assertThat(WrittenWords.hasSegment("a.b.Cart$Line", "Line")).isTrue();
        assertThat(WrittenWords.hasSegment("a.b.Cart$Line", "art")).isFalse();
        assertThat(WrittenWords.hasSegment("a.b.CartLine", "Cart")).isFalse();
        assertThat(WrittenWords.hasSegment("Cart", "Cart")).isTrue();
    }
}
