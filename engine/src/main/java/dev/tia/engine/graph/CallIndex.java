package dev.tia.engine.graph;

import dev.tia.engine.source.Declaration;
import dev.tia.engine.source.FileFacts;
import dev.tia.engine.source.IndexedFile;
import dev.tia.engine.source.MemberFacts;
import dev.tia.engine.source.ResourceFacts;
import dev.tia.engine.source.SourceIndex;
import dev.tia.engine.source.TypeKind;
import dev.tia.engine.source.TypeRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The method-level facts of the whole project that member-level narrowing walks: which members call a name, and
 * which methods code tia cannot see may call (frameworks, the JDK, libraries, reflection, templates). Built only
 * when a change is confined to method bodies. Its memos make it single-threaded, like the walks that use it.
 */
final class CallIndex {

    /**
     * A call by name from {@code caller}, passing {@code arity} arguments ({@link MemberFacts#ANY_ARGUMENTS} for a
     * method reference), on a receiver declared with the type of simple name {@code receiver} when the source says
     * so plainly.
     *
     * @param order the call's place among all calls of its name, so walks visit calls in one stable order: by the
     *     caller's type as the class level reached it, then its members and their calls
     */
    record Call(Caller caller, int arity, Optional<String> receiver, long order) {
    }

    /**
     * A member of {@code type} that makes calls: one for all the calls of a name it makes, so the walk that gathered
     * them numbers its node once rather than once per call (a method called everywhere has hundreds of thousands).
     */
    static final class Caller {
        final TypeRef type;
        final MemberFacts member;
        /** The gathering walk's number for this member's node, once it has one; -1 before. */
        int node = -1;

        private Caller(TypeRef type, MemberFacts member) {
            this.type = type;
            this.member = member;
        }
    }

    /**
     * Calls by the name called, and within a name by the receiver's simple name (calls whose receiver is unknown
     * apart): a walk looks only at the calls that may reach the type it is at, instead of every call of the name.
     *
     * <p>Gathered one name at a time, when the walk first asks for it: a walk from a method that few call asks for
     * a few names, and a file can call a name only if it writes it (see {@link FileFacts#identifiers()}), so one set
     * lookup per type passes over the files that do not. Gathering every call of every reachable type up front took
     * most of the walk, about 0.3 s at 50k classes, for an edit that reached 74 tests. A walk that asks for many
     * names gets them all gathered in one pass instead, as that is then cheaper. Either way a name's calls come in
     * the order of the types given, their members and their calls.
     *
     * <p>Over a stored graph with its calls (see {@link CallSites}), the calls of a name on one kind of receiver are
     * read from the few types that make them, as the walk asks for that receiver, and put in the same order.
     */
    final class CallsByName {
        /** Beyond this many names asked for, one pass gathering every name costs less than a pass per name. */
        private static final int NAMES_GATHERED_ONE_BY_ONE = 16;
        /** With stored calls: beyond this many receivers asked for with one name, one pass over its callers costs less. */
        private static final int RECEIVERS_ONE_BY_ONE = 8;
        /** With stored calls: beyond this many types to read, their files' facts are decoded on every core first. */
        private static final int PREFETCH_BEYOND = 1000;

        private final MemberWalk.ClassLevelTypes reachable;
        private final Map<String, NameCalls> byName = new HashMap<>();
        /** With stored calls: the calls of each name and receiver ("": unknown) asked for. */
        private final Map<String, List<Call>> byNameAndReceiver = new HashMap<>();
        /** With stored calls: how many receivers were asked for with each name, and the names gathered whole. */
        private final Map<String, Integer> receiversAsked = new HashMap<>();
        private final Map<String, NameCalls> storedByName = new HashMap<>();
        /** The types with their declarations, looked up once for every name's pass. */
        private List<Map.Entry<TypeRef, Declaration>> declared;
        private boolean allGathered;

        private CallsByName(MemberWalk.ClassLevelTypes reachable) {
            this.reachable = reachable;
        }

        /** Calls of {@code name} whose receiver's type is not known. */
        List<Call> withUnknownReceiver(String name) {
            return sites != null ? stored(name, "") : calls(name).unknownReceiver;
        }

        /** Calls of {@code name} on a receiver declared with the type of simple name {@code receiver}. */
        List<Call> onReceiver(String name, String receiver) {
            return sites != null ? stored(name, receiver) : calls(name).byReceiver.getOrDefault(receiver, List.of());
        }

        /**
         * The calls of {@code name} on {@code receiver} ("": unknown) made by the types the stored calls name (or a
         * changed file declares) that the change reaches at class level, in the order {@link #gather} lists them.
         */
        private List<Call> stored(String name, String receiver) {
            NameCalls whole = storedByName.get(name);
            if (whole != null) {
                return receiver.isEmpty() ? whole.unknownReceiver : whole.byReceiver.getOrDefault(receiver, List.of());
            }
            String key = name + '\0' + receiver;
            List<Call> known = byNameAndReceiver.get(key);
            if (known != null) {
                return known;
            }
            if (receiversAsked.merge(name, 1, Integer::sum) > RECEIVERS_ONE_BY_ONE) {
                // A method called on many kinds of receiver (value(int) at 50k classes: a thousand): one pass over the
                // types calling the name, as a pass per receiver visits each type again for every receiver it uses.
                NameCalls gathered = new NameCalls();
                addCalls(sites.storedCallers(name), name, null, gathered::add);
                storedByName.put(name, gathered);
                return stored(name, receiver);
            }
            List<Call> found = new ArrayList<>();
            addCalls(sites.storedCallers(name, receiver), name, receiver, found::add);
            byNameAndReceiver.put(key, found);
            return found;
        }

        /**
         * The calls of {@code name} on {@code receiver} (null: any) that the change's reachable types among
         * {@code nodes} and the changed files' types make, in the order the class level reached the types, then by
         * their place in the type. Each type's place is looked up once: sorting by looking it up took 100 ms for the
         * 66k callers of a method called everywhere.
         */
        private void addCalls(int[] nodes, String name, String receiver, Consumer<Call> into) {
            List<TypeRef> changed = sites.changedTypes();
            long[] ordered = new long[nodes.length + changed.size()];
            int count = 0;
            for (int node : nodes) {
                if (reachable.containsNode(node)) {
                    ordered[count++] = (long) reachable.positionOfNode(node) << 32 | node;
                }
            }
            int beyondNodes = reachable.nodeCount();
            for (int i = 0; i < changed.size(); i++) {
                if (reachable.contains(changed.get(i))) {
                    ordered[count++] = (long) reachable.position(changed.get(i)) << 32 | (beyondNodes + i);
                }
            }
            Arrays.sort(ordered, 0, count);
            List<TypeRef> callers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int id = (int) ordered[i];
                callers.add(id < beyondNodes ? sites.type(id) : changed.get(id - beyondNodes));
            }
            if (callers.size() > PREFETCH_BEYOND) {
                sites.prefetch(callers);
            }
            for (int i = 0; i < count; i++) {
                TypeRef type = callers.get(i);
                Declaration owner = owners.get(type);
                if (owner != null) {
                    addCalls(type, owner, name, receiver, ordered[i] & 0xFFFFFFFF00000000L, (called, call) -> into.accept(call));
                }
            }
        }

        /**
         * One type's calls of {@code name} (null: any) on {@code receiver} (null: any), numbered from {@code order} by
         * their place in the type, each with the name it calls.
         */
        private void addCalls(TypeRef type, Declaration owner, String name, String receiver, long order,
                BiConsumer<String, Call> into) {
            int place = 0;
            for (MemberFacts member : owner.type().members()) {
                Caller caller = null;
                for (String call : member.calls()) {
                    place++;
                    if (name != null && !callsName(call, name)) {
                        continue;
                    }
                    WrittenCall written = split.computeIfAbsent(call, splitter);
                    if (receiver != null && !written.receiver().orElse("").equals(receiver)) {
                        continue;
                    }
                    if (caller == null) {
                        caller = new Caller(type, member);
                    }
                    into.accept(written.name(), new Call(caller, written.arity(), written.receiver(), order + place));
                }
            }
        }

        private NameCalls calls(String name) {
            NameCalls known = byName.get(name);
            if (known != null) {
                return known;
            }
            if (allGathered) {
                return NameCalls.NONE;
            }
            if (byName.size() < NAMES_GATHERED_ONE_BY_ONE) {
                NameCalls found = new NameCalls();
                gather(name, found);
                byName.put(name, found);
                return found;
            }
            byName.clear();
            gather(null, null);
            allGathered = true;
            return byName.getOrDefault(name, NameCalls.NONE);
        }

        /** Adds the calls of {@code name} to {@code into}, or with {@code name} null every call to its name's list. */
        private void gather(String name, NameCalls into) {
            if (declared == null) {
                List<TypeRef> types = reachable.types(); // made here: a walk over stored calls never gathers
                declared = new ArrayList<>(types.size());
                for (TypeRef type : types) {
                    Declaration owner = owners.get(type);
                    if (owner != null) {
                        declared.add(Map.entry(type, owner));
                    }
                }
            }
            for (int i = 0; i < declared.size(); i++) {
                Declaration owner = declared.get(i).getValue();
                if (name != null && !owner.file().facts().identifiers().contains(name)) {
                    continue;
                }
                addCalls(declared.get(i).getKey(), owner, name, null, (long) i << 32,
                        (called, call) -> (name != null ? into : byName.computeIfAbsent(called, n -> new NameCalls())).add(call));
            }
        }
    }

    /** Whether the written {@code call} ({@code name/arity[@Receiver]}) calls {@code name}. */
    private static boolean callsName(String call, String name) {
        return call.startsWith(name) && call.length() > name.length() && call.charAt(name.length()) == '/';
    }

    /** The calls of one name: receiver unknown, and by the receiver's simple name. */
    private static final class NameCalls {
        static final NameCalls NONE = new NameCalls();

        private final List<Call> unknownReceiver = new ArrayList<>();
        private final Map<String, List<Call>> byReceiver = new HashMap<>();

        private void add(Call call) {
            if (call.receiver().isEmpty()) {
                unknownReceiver.add(call);
            } else {
                byReceiver.computeIfAbsent(call.receiver().get(), r -> new ArrayList<>()).add(call);
            }
        }
    }

    /** Methods the JDK calls without their name in the project: Object's, serialization's, a launcher's main. */
    private static final Set<String> JDK_CALLBACKS = Set.of("toString/0", "equals/1", "hashCode/0", "finalize/0", "clone/0",
            "readObject/1", "writeObject/1", "readResolve/0", "writeReplace/0", "readObjectNoData/0");

    private final Owners owners;
    /** With a stored graph's calls: where the calls of a name are (see {@link StoredCalls}); null when every type is read. */
    private final CallSites sites;
    /** Project supertypes, supertypes outside the project, types named in text. */
    private final TypeHierarchy hierarchy;
    /** Method names written in string literals and resources: reflection or an expression language may call them. */
    private final Set<String> namesCalledFromText = new HashSet<>();
    /** Simple names of classes named by class literals in annotations. */
    private final Set<String> annotationClassNames = new HashSet<>();
    // Memos by type, sized for every type once: a walk from a method called everywhere fills them with tens of
    // thousands of entries, and growing them there was a tenth of its time.
    private final Map<TypeRef, List<TypeRef>> supertypes;
    private final Map<TypeRef, Boolean> outsideSupertype;
    private final Map<TypeRef, Set<String>> receiverNames;
    /**
     * Call texts taken apart: the same text ("value/1@Money") recurs all over a project, and the index holds one
     * instance of each, so each distinct text is split once.
     */
    private final Map<String, WrittenCall> split = new HashMap<>();
    /** Made once: a method reference to an instance method is a new object at each use, once per call walked. */
    private final Function<String, WrittenCall> splitter = this::split;
    private Map<TypeRef, List<TypeRef>> subtypes;
    private Set<String> simpleNames;

    /**
     * The project's declared types as the index looks them up: all at hand, or one by one through a stored graph, which
     * reads only the files of the types a walk meets.
     */
    interface Owners {
        /** The declaration of {@code type} at head; null when no file declares it. */
        Declaration get(TypeRef type);

        /** Every declared type. */
        Collection<TypeRef> types();
    }

    /**
     * @param expectedTypes how many types the walk may ask about, so its maps are sized once: every declared type when
     *     the gather visits all of them; a few when the stored calls serve, where listing every declared type to count
     *     them took 15-20 ms of a body edit at 50k classes
     */
    private CallIndex(Owners owners, CallSites sites, TypeHierarchy hierarchy, int expectedTypes) {
        this.owners = owners;
        this.sites = sites;
        this.hierarchy = hierarchy;
        int capacity = expectedTypes * 4 / 3 + 16;
        this.supertypes = new HashMap<>(capacity);
        this.outsideSupertype = new HashMap<>(capacity);
        this.receiverNames = new HashMap<>(capacity);
    }

    static CallIndex of(SourceIndex index, TypeHierarchy hierarchy) {
        // The index's own map of declared types (the catalog and the universe use it too), not one more of our own.
        Map<TypeRef, Declaration> declarations = index.declarations();
        Owners owners = new Owners() {
            @Override
            public Declaration get(TypeRef type) {
                return declarations.get(type);
            }

            @Override
            public Collection<TypeRef> types() {
                return declarations.keySet();
            }
        };
        CallIndex calls = new CallIndex(owners, null, hierarchy, declarations.size());
        for (IndexedFile file : index.files()) {
            calls.namesCalledFromText.addAll(file.facts().stringWords());
            calls.annotationClassNames.addAll(file.facts().annotationClassNames());
        }
        calls.addResources(index);
        return calls;
    }

    /** Over a stored graph's calls, with this run's changed files laid over them (see {@link CallSites}). */
    static CallIndex of(SourceIndex index, TypeHierarchy hierarchy, CallSites sites) {
        CallIndex calls = new CallIndex(sites.owners(), sites, hierarchy, 0);
        calls.namesCalledFromText.addAll(sites.stringWords());
        calls.annotationClassNames.addAll(sites.annotationClassNames());
        calls.addResources(index);
        return calls;
    }

    private void addResources(SourceIndex index) {
        for (ResourceFacts resource : index.resources()) {
            namesCalledFromText.addAll(resource.calledNames());
        }
    }

    Optional<MemberFacts> member(TypeRef type, String signature) {
        Declaration owner = owners.get(type);
        if (owner == null) {
            return Optional.empty();
        }
        for (MemberFacts member : owner.type().members()) {
            if (member.signature().equals(signature)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** Every call made by members of the {@code reachable} types, by the name called (gathered as names are asked for). */
    CallsByName callsWithin(MemberWalk.ClassLevelTypes reachable) {
        return new CallsByName(reachable);
    }

    /**
     * A call as {@link MemberFacts#calls()} writes it, {@code name/arity[@Receiver]}, taken apart: once per distinct
     * text, so the arity is read as a number once, not once per call walked.
     */
    record WrittenCall(String name, int arity, Optional<String> receiver) {
    }

    private WrittenCall split(String call) {
        return split(call, name -> simpleNames().contains(name));
    }

    /**
     * Takes a call apart. A receiver written as a bare name ({@code ?name}) is a type only if the project has a type
     * of that simple name ({@code isTypeName}).
     */
    static WrittenCall split(String call, Predicate<String> isTypeName) {
        int at = call.indexOf('@');
        String target = at < 0 ? call : call.substring(0, at);
        int slash = target.lastIndexOf('/');
        Optional<String> receiver = Optional.empty();
        if (at >= 0) {
            String written = call.substring(at + 1);
            receiver = !written.startsWith("?") ? Optional.of(written)
                    : Optional.of(written.substring(1)).filter(isTypeName);
        }
        return new WrittenCall(target.substring(0, slash), MemberFacts.arguments(target.substring(slash + 1)), receiver);
    }

    private Set<String> simpleNames() {
        if (simpleNames == null) {
            simpleNames = simpleNamesOf(owners.types());
        }
        return simpleNames;
    }

    /** The simple names of {@code types}: which bare receivers are types (see {@link #split(String, Predicate)}). */
    static Set<String> simpleNamesOf(Collection<TypeRef> types) {
        Set<String> names = new HashSet<>();
        types.forEach(t -> names.add(t.simpleName()));
        return names;
    }

    /**
     * The simple names a receiver's declared type may have when the object is a {@code target}: a call on such a
     * receiver (or on one whose type is unknown) may run {@code target}'s method; the types of those names are the
     * supertypes of {@code target} and of its subtypes.
     */
    Set<String> receiverNames(TypeRef target) {
        return receiverNames.computeIfAbsent(target, this::receiverNamesOf);
    }

    private Set<String> receiverNamesOf(TypeRef target) {
        if (!subtypes().containsKey(target) && supertypes(target).isEmpty()) {
            // a type outside any hierarchy, most of them: its own name only, without the walk's sets
            return Set.of(target.simpleName());
        }
        Set<TypeRef> family = new HashSet<>();
        List<TypeRef> queue = new ArrayList<>(List.of(target));
        while (!queue.isEmpty()) {
            TypeRef type = queue.remove(queue.size() - 1);
            if (family.add(type)) {
                queue.addAll(subtypes().getOrDefault(type, List.of()));
            }
        }
        Set<String> names = new HashSet<>();
        Set<TypeRef> seen = new HashSet<>();
        List<TypeRef> up = new ArrayList<>(family);
        while (!up.isEmpty()) {
            TypeRef type = up.remove(up.size() - 1);
            if (seen.add(type)) {
                names.add(type.simpleName());
                up.addAll(supertypes(type));
            }
        }
        return names;
    }

    private Map<TypeRef, List<TypeRef>> subtypes() {
        if (subtypes == null) {
            subtypes = new HashMap<>();
            for (TypeRef type : typesWithSupertypes()) {
                for (TypeRef supertype : supertypes(type)) {
                    subtypes.computeIfAbsent(supertype, s -> new ArrayList<>()).add(type);
                }
            }
        }
        return subtypes;
    }

    /**
     * The declared types whose supertypes may be project types: over a stored hierarchy, those it lists (asking every
     * declared type took 15-20 ms of a body edit at 50k classes, listing them alone as much). Over the stored calls the
     * declared types are the stored ones, so that list is exact; otherwise each listed type is checked to be declared.
     */
    private Collection<TypeRef> typesWithSupertypes() {
        Optional<Set<TypeRef>> listed = hierarchy.typesWithSupertypes();
        if (listed.isEmpty()) {
            return owners.types();
        }
        return sites != null ? listed.get() : listed.get().stream().filter(type -> owners.get(type) != null).toList();
    }

    /** The project types {@code type} extends or implements (as resolved with the file's other names). */
    List<TypeRef> supertypes(TypeRef type) {
        return supertypes.computeIfAbsent(type, hierarchy::supertypes);
    }

    /**
     * Why code tia cannot see may call {@code member} of {@code type}, or empty when only a call by its name can:
     * then the callers tia finds by name are all the callers there are.
     */
    Optional<String> calledUnseen(TypeRef type, MemberFacts member) {
        Declaration owner = owners.get(type);
        if (owner == null) {
            return Optional.of("unknown type");
        }
        if (!member.isMethod()) {
            return Optional.of("code outside methods runs whenever the type is loaded or built");
        }
        if (member.frameworkAnnotated()) {
            return Optional.of("annotated: a framework may call it");
        }
        if (owner.file().test() && member.arity() == 0) {
            // JUnit 3's test*/setUp/tearDown/suite, and factories found by convention: @MethodSource without a value
            // names the factory after the test method, and JUnit finds it even when it is private.
            return Optional.of("in test code, a method without parameters may be called by a test framework's convention");
        }
        String key = member.name() + "/" + member.arity();
        if (JDK_CALLBACKS.contains(key) || member.name().equals("main")) {
            return Optional.of("the JDK calls it");
        }
        if (!member.isStatic() && (isGetter(member) || isSetter(member)
                || (owner.type().kind() == TypeKind.RECORD && member.arity() == 0))) {
            return Optional.of("an accessor: serializers, mappers and templates call it by reflection");
        }
        if (namesCalledFromText.contains(member.name())) {
            return Optional.of("its name is written in a string or resource: reflection or an expression language may call it");
        }
        if (hierarchy.namedInText().contains(type) || annotationClassNames.contains(type.simpleName())) {
            return Optional.of("the type is named in text or an annotation: a framework may call any of its methods");
        }
        if (owner.type().isAbstract() && owner.type().annotations().stream().anyMatch(a -> !MemberFacts.isInert(a))) {
            return Optional.of("an annotated abstract type: generated code may call it");
        }
        if (!member.isStatic() && !member.isPrivate() && hasSupertypeOutsideProject(type, new HashSet<>())) {
            return Optional.of("a supertype is outside the project: library code may call its overrides");
        }
        return Optional.empty();
    }

    /** {@code get...}/{@code is...} without parameters; the name goes on with an upper case letter, digit, _ or $. */
    private static boolean isGetter(MemberFacts member) {
        return member.arity() == 0 && (startsAccessor(member.name(), "get") || startsAccessor(member.name(), "is"));
    }

    /** {@code set...} with one parameter; the name goes on as for a getter. */
    private static boolean isSetter(MemberFacts member) {
        return member.arity() == 1 && startsAccessor(member.name(), "set");
    }

    /**
     * {@code name} is {@code prefix} followed by [A-Z0-9_$] and anything: what a pattern said before, without a
     * matcher made for every member the walk meets (tens of thousands when a method called everywhere changes).
     */
    static boolean startsAccessor(String name, String prefix) {
        if (name.length() <= prefix.length() || !name.startsWith(prefix)) {
            return false;
        }
        char next = name.charAt(prefix.length());
        return (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next == '_' || next == '$';
    }

    /** Whether {@code type} or a project supertype of it extends or implements a type that is not the project's. */
    private boolean hasSupertypeOutsideProject(TypeRef type, Set<TypeRef> visiting) {
        Boolean known = outsideSupertype.get(type);
        if (known != null) {
            return known;
        }
        if (!visiting.add(type)) {
            return false;
        }
        boolean outside = hierarchy.namesSupertypeOutsideProject(type);
        if (!outside) {
            outside = supertypes(type).stream().anyMatch(s -> hasSupertypeOutsideProject(s, visiting));
        }
        outsideSupertype.put(type, outside);
        return outside;
    }
}
