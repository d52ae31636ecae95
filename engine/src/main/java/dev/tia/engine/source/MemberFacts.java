package dev.tia.engine.source;

import com.google.common.collect.ImmutableSet;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One method of a declared type, or the type's other code taken together, for member-level narrowing: what it
 * calls, and what may call it without naming it.
 *
 * @param signature {@code name(Type,Type)} as written, unique in its type; {@link #OTHER_CODE} for the code
 *     outside methods (constructors, initializers, field initializers, enum constants)
 * @param arity the number of parameters; with {@code varargs} the last one may take any number of arguments
 * @param frameworkAnnotated whether it carries an annotation a framework may act on (anything but a short list of
 *     compiler and nullness annotations): such a method may be called without being named
 * @param bodyFingerprint the code of its body without comments and layout; {@link Fingerprint#NONE} without a body
 * @param calls the methods it calls: {@code name/arity} for calls, {@code name/*} for method references, each with
 *     {@code @Type} when the receiver's declared type is plain in the source ({@code @?Name}: if {@code Name} is a type)
 */
public record MemberFacts(
        String signature,
        String name,
        int arity,
        boolean varargs,
        boolean isStatic,
        boolean isPrivate,
        boolean frameworkAnnotated,
        Fingerprint bodyFingerprint,
        Set<String> calls) {

    /** The pseudo-member holding a type's code outside its methods. */
    public static final String OTHER_CODE = "<init>";

    /** The marker of a method reference's arity: it may be called with any number of arguments. */
    public static final String ANY_ARITY = "*";

    /** {@link #ANY_ARITY} as a number of arguments. */
    public static final int ANY_ARGUMENTS = -1;

    /** A word written as a call ({@code name(}): how expression languages and templates call methods. */
    static final Pattern WRITTEN_CALL = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\(");

    /** Annotations no framework acts on: a method carrying only these is still called by name alone. */
    private static final Set<String> INERT_ANNOTATIONS = Set.of("Override", "SuppressWarnings", "Deprecated", "SafeVarargs",
            "FunctionalInterface", "Nullable", "NonNull", "Nonnull", "NotNull", "CheckForNull", "CheckReturnValue",
            "CanIgnoreReturnValue", "VisibleForTesting", "Contract", "Pure");

    /** Whether no framework acts on the annotation of this name (simple or qualified, as written). */
    public static boolean isInert(String annotation) {
        return INERT_ANNOTATIONS.contains(annotation.substring(annotation.lastIndexOf('.') + 1));
    }

    public boolean isMethod() {
        return !signature.equals(OTHER_CODE);
    }

    /**
     * Whether a call of this method's name passing {@code arguments} arguments ({@link #ANY_ARGUMENTS}: a method
     * reference) may be it.
     */
    public boolean acceptsArity(int arguments) {
        if (!isMethod()) {
            return false;
        }
        if (arguments == ANY_ARGUMENTS) {
            return true;
        }
        return varargs ? arguments >= arity - 1 : arguments == arity;
    }

    /**
     * A written call's number of arguments, {@link #ANY_ARGUMENTS} for {@link #ANY_ARITY}.
     *
     * @throws NumberFormatException when it is neither
     */
    public static int arguments(String writtenArity) {
        return writtenArity.equals(ANY_ARITY) ? ANY_ARGUMENTS : Integer.parseInt(writtenArity);
    }
}
