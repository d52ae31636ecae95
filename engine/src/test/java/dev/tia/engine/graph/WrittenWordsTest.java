package dev.tia.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tia.engine.io.ByteSink;
import dev.tia.engine.io.ByteSource;
import dev.tia.engine.io.CacheFraming;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.JavaFileAnalyzer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * {@link WrittenWords}: a class added is patched in only when no stored file writes its simple name, so the stored
 * words must hold every word {@link WrittenWords#writesAny} finds in a file, and "not written" must be true.
 */
class WrittenWordsTest {

    private static final String CART = """
            package shop.orders;

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
        ByteSink out = new ByteSink();
        WrittenWords.write(out, facts);
        out.varint(7); // what follows in the store: read up to, not past
        byte[] bytes = out.toBytes();
        ByteSource source = new ByteSource(bytes, 0, bytes.length);
        WrittenWords words = WrittenWords.read(source);
        assertThat(source.varint()).isEqualTo(7);
        return words;
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
