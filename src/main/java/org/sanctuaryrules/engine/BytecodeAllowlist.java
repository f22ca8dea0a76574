package org.sanctuaryrules.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What compiled rule code may name: the table {@link CompiledRuleCheck} checks every class of a compiled rule set
 * against. Anything not listed here is refused — a new JDK method, a new Drools API, a class of another package —
 * so the list fails closed when the JDK or Drools grows.
 *
 * <p>Two contexts:
 * <ul>
 *   <li><b>rule code</b> — what an analyst wrote: consequences, constraints, {@code from} expressions and
 *       functions (and anything the check cannot otherwise place);</li>
 *   <li><b>model glue</b> — what Drools generates around it to describe the rules (the rule methods that call the
 *       model DSL, the enum scaffolding of each lambda class, the domain-class metadata). Glue may also use the
 *       model-building DSL listed in {@link #GLUE_METHODS}; everything else is as for rule code.</li>
 * </ul>
 * Each list is safe on its own: a method placed in the wrong context can at worst describe a rule.
 *
 * <p>Rule code may call:
 * <ol>
 *   <li>every method and constructor of the classes directly in {@code org.sanctuaryrules.model} and
 *       {@code org.sanctuaryrules.reasoning} ({@link #OPEN_PACKAGES}): those packages hold only immutable facts and
 *       the conclusion helpers, so a helper added there is callable from rules at once — keep them pure (no I/O,
 *       no static mutable state, no loop over a number a caller chooses); {@code PurePackagesTest} checks them;</li>
 *   <li>the engine's data types ({@link #ENGINE}): the pure ones whole, the others method by method;</li>
 *   <li>the named Drools runtime methods a consequence needs ({@link #DROOLS}): inserting, deleting and the rule's
 *       name — not the session, the knowledge base, the agenda, {@code halt} or the rule's metadata map;</li>
 *   <li>the named JDK methods ({@link #JDK}): strings and their concatenation, boxed values, collections (read,
 *       build one element at a time), {@code java.time} values; no reflection, class loading, threads, I/O,
 *       formatting, regular expressions, streams, random numbers, clocks, locale or time-zone changes,
 *       and nothing whose cost grows with a number the rule chooses ({@code repeat}, {@code nCopies},
 *       capacity constructors);</li>
 *   <li>every method of the rule set's own generated classes (their call graph must have no cycle), also as a lambda
 *       or method reference of a {@link #FUNCTIONAL_INTERFACES functional interface} handed to one of the above.</li>
 * </ol>
 */
final class BytecodeAllowlist {
    private BytecodeAllowlist() {
    }

    /** Packages whose every member rule code may use (internal names, with the trailing slash). */
    static final List<String> OPEN_PACKAGES = List.of("org/sanctuaryrules/model/", "org/sanctuaryrules/reasoning/");

    /** Any public method of the class: {@link #ENGINE} entries for engine types that are pure values and helpers. */
    static final String ANY = "*";

    /**
     * The engine's data types: class → methods rule code may call (any descriptor), or {@link #ANY}. The classes
     * open whole are immutable values and pure helpers — {@code PurePackagesTest} checks them with the open packages;
     * the others are listed method by method (no parsers, no factories).
     */
    static final Map<String, Set<String>> ENGINE = Map.of(
            "org/sanctuaryrules/engine/FelonyList", Set.of("classify", "lists", "size", "readable"),
            "org/sanctuaryrules/engine/FelonyList$Listing", Set.of(ANY),
            "org/sanctuaryrules/engine/LookBack", Set.of(ANY),
            "org/sanctuaryrules/engine/LookBack$Fact", Set.of(ANY),
            "org/sanctuaryrules/engine/ProvisionRegister", Set.of("find", "inForce", "all"),
            "org/sanctuaryrules/engine/Provision", Set.of(ANY),
            "org/sanctuaryrules/engine/OrderScope", Set.of(ANY),
            "org/sanctuaryrules/engine/Verdict", Set.of(ANY));

    /**
     * Functional interfaces a lambda or method reference in rule code may implement. The lambda's body is a method of
     * the generated class, verified like the rest; a method reference must name a method rule code may call.
     */
    static final List<String> FUNCTIONAL_INTERFACES = List.of("java/util/function/", "java/util/Comparator");

    /**
     * Drools runtime members a consequence or constraint may call: class → method → descriptors (empty set: any).
     * {@code drools.insert(x)} compiles to {@code DroolsImpl.asKnowledgeHelper().insert(x)}.
     */
    static final Map<String, Map<String, Set<String>>> DROOLS = Map.of(
            "org/drools/modelcompiler/consequence/DroolsImpl", Map.of("asKnowledgeHelper", Set.of()),
            "org/drools/core/rule/consequence/KnowledgeHelper", Map.of(
                    "insert", Set.of("(Ljava/lang/Object;)Lorg/kie/api/runtime/rule/FactHandle;"),
                    "insertLogical", Set.of("(Ljava/lang/Object;)Lorg/kie/api/runtime/rule/FactHandle;"),
                    "delete", Set.of("(Ljava/lang/Object;)V"),
                    "retract", Set.of("(Ljava/lang/Object;)V"),
                    "getRule", Set.of()),
            "org/drools/model/Drools", Map.of(
                    "insert", Set.of("(Ljava/lang/Object;)V"),
                    "delete", Set.of("(Ljava/lang/Object;)V")),
            "org/kie/api/runtime/rule/RuleContext", Map.of(
                    "getRule", Set.of(),
                    "insertLogical", Set.of("(Ljava/lang/Object;)V")),
            "org/kie/api/definition/rule/Rule", Map.of("getName", Set.of(), "getPackageName", Set.of()),
            "org/drools/modelcompiler/util/EvaluationUtil", anyDescriptor("areNullSafeEquals",
                    "areNumbersNullSafeEquals", "equals", "notEquals", "greaterThan", "lessThan", "greaterOrEqual",
                    "lessOrEqual", "greaterThanNumbers", "lessThanNumbers", "greaterOrEqualNumbers",
                    "lessOrEqualNumbers", "toBigDecimal", "convertDateLocal"),
            // `x in (a, b)` and the other multi-value operators; the operator itself must be one of OPERATORS.
            "org/drools/modelcompiler/dsl/pattern/D", Map.of("eval", Set.of(
                    "(Lorg/drools/model/functions/Operator;Ljava/lang/Object;[Ljava/lang/Object;)Z")));

    /** Drools operators a constraint may use ({@code matches} is left out: a regular expression can take for ever). */
    static final Set<String> OPERATORS = Set.of("InOperator", "ContainsOperator", "ExcludesOperator",
            "MemberOfOperator", "StringStartsWithOperator", "StringEndsWithOperator", "StringLengthWithOperator",
            "SoundsLikeOperator").stream().map(o -> "org/drools/model/operators/" + o)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> COLLECTION_READ = Set.of("size", "isEmpty", "contains", "containsAll", "get",
            "getOrDefault", "containsKey", "containsValue", "keySet", "values", "entrySet", "getKey", "getValue",
            "first", "last", "firstKey", "lastKey", "indexOf", "lastIndexOf", "subList", "headSet", "tailSet",
            "subSet", "headMap", "tailMap", "iterator", "equals", "hashCode", "toString", "descendingSet", "floor",
            "ceiling", "higher", "lower");
    private static final Set<String> COLLECTION_BUILD = Set.of("add", "put", "remove", "clear");
    private static final Set<String> COLLECTION_NEW = Set.of("()", "(Ljava/util/Collection;)", "(Ljava/util/Map;)",
            "(Ljava/util/SortedSet;)", "(Ljava/util/SortedMap;)");
    private static final Set<String> EXCEPTION_NEW = Set.of("()", "(Ljava/lang/String;)",
            "(Ljava/lang/Throwable;)", "(Ljava/lang/String;Ljava/lang/Throwable;)");
    private static final Set<String> BOXED = Set.of("valueOf", "booleanValue", "intValue", "longValue", "shortValue",
            "byteValue", "doubleValue", "floatValue", "charValue", "equals", "hashCode", "toString", "compare",
            "compareTo", "parseInt", "parseLong", "parseBoolean", "parseDouble", "min", "max", "sum", "signum",
            "isDigit", "isLetter", "isLetterOrDigit", "isUpperCase", "isLowerCase", "isWhitespace", "toUpperCase",
            "toLowerCase", "logicalAnd", "logicalOr", "logicalXor");
    /** java.time methods left out: clocks (now), streams (datesUntil), formatters, queries. */
    static final Set<String> TIME_DENIED = Set.of("now", "datesUntil", "format", "query", "ofInstant", "atZone",
            "ofEpochSecond", "from", "range", "adjustInto");

    /**
     * JDK classes rule code may use: class → members. A member is a method name (any parameters) or a name with its
     * parameter types ({@code "replace(CC)"}, {@code "<init>()"}); constructors are always listed with their
     * parameters, so that no capacity constructor ({@code new ArrayList(Integer.MAX_VALUE)}) slips in.
     * {@code java.time} value types are listed separately ({@link #TIME_TYPES}): every method but {@link #TIME_DENIED}.
     */
    static final Map<String, Set<String>> JDK = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("equals", "hashCode", "toString", "<init>()")),
            Map.entry("java/lang/String", Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "toLowerCase",
                    "toUpperCase", "strip", "stripLeading", "stripTrailing", "trim", "replace(CC)", "equals",
                    "equalsIgnoreCase", "startsWith", "endsWith", "compareTo", "compareToIgnoreCase", "hashCode",
                    "valueOf", "join", "concat", "contains", "indexOf", "lastIndexOf", "toString")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/StringBuilder", Set.of("append", "toString", "length", "charAt", "isEmpty",
                    "<init>()", "<init>(Ljava/lang/String;)", "<init>(Ljava/lang/CharSequence;)")),
            Map.entry("java/lang/Boolean", BOXED),
            Map.entry("java/lang/Integer", BOXED),
            Map.entry("java/lang/Long", BOXED),
            Map.entry("java/lang/Short", BOXED),
            Map.entry("java/lang/Byte", BOXED),
            Map.entry("java/lang/Double", BOXED),
            Map.entry("java/lang/Float", BOXED),
            Map.entry("java/lang/Character", BOXED),
            Map.entry("java/lang/Number", BOXED),
            Map.entry("java/lang/Math", Set.of("abs", "min", "max", "floorDiv", "floorMod", "addExact",
                    "subtractExact", "multiplyExact", "negateExact", "toIntExact", "signum", "round", "floor", "ceil")),
            Map.entry("java/lang/Enum", Set.of("name", "ordinal", "compareTo", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/Iterable", Set.of("iterator")),
            Map.entry("java/lang/Exception", exceptionMembers()),
            Map.entry("java/lang/RuntimeException", exceptionMembers()),
            Map.entry("java/lang/IllegalStateException", exceptionMembers()),
            Map.entry("java/lang/IllegalArgumentException", exceptionMembers()),
            Map.entry("java/lang/UnsupportedOperationException", exceptionMembers()),
            Map.entry("java/lang/Throwable", Set.of("getMessage")),
            Map.entry("java/util/Collection", union(COLLECTION_READ, COLLECTION_BUILD)),
            Map.entry("java/util/List", union(COLLECTION_READ, COLLECTION_BUILD, Set.of("of", "copyOf"))),
            Map.entry("java/util/Set", union(COLLECTION_READ, COLLECTION_BUILD, Set.of("of", "copyOf"))),
            Map.entry("java/util/SortedSet", union(COLLECTION_READ, COLLECTION_BUILD)),
            Map.entry("java/util/NavigableSet", union(COLLECTION_READ, COLLECTION_BUILD)),
            Map.entry("java/util/Map", union(COLLECTION_READ, COLLECTION_BUILD, Set.of("of", "copyOf", "entry"))),
            Map.entry("java/util/SortedMap", union(COLLECTION_READ, COLLECTION_BUILD)),
            Map.entry("java/util/NavigableMap", union(COLLECTION_READ, COLLECTION_BUILD)),
            Map.entry("java/util/Map$Entry", Set.of("getKey", "getValue", "equals", "hashCode", "toString")),
            Map.entry("java/util/Iterator", Set.of("hasNext", "next")),
            Map.entry("java/util/ArrayList", collectionClass()),
            Map.entry("java/util/LinkedList", collectionClass()),
            Map.entry("java/util/HashSet", collectionClass()),
            Map.entry("java/util/LinkedHashSet", collectionClass()),
            Map.entry("java/util/TreeSet", collectionClass()),
            Map.entry("java/util/HashMap", collectionClass()),
            Map.entry("java/util/LinkedHashMap", collectionClass()),
            Map.entry("java/util/TreeMap", collectionClass()),
            Map.entry("java/util/Optional", Set.of("isPresent", "isEmpty", "get", "orElse", "of", "ofNullable",
                    "empty", "equals", "hashCode", "toString", "map", "filter", "flatMap", "orElseGet", "ifPresent",
                    "or")),
            Map.entry("java/util/Objects", Set.of("equals", "isNull", "nonNull", "hashCode", "toString",
                    "requireNonNullElse")),
            Map.entry("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap", "singletonList",
                    "singleton", "singletonMap", "unmodifiableList", "unmodifiableSet", "unmodifiableMap",
                    "unmodifiableCollection", "unmodifiableSortedSet", "sort", "min", "max")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/math/BigDecimal", Set.of("compareTo", "equals", "signum", "valueOf", "intValue",
                    "longValue", "doubleValue", "hashCode")));

    /** {@code java.time} value types: every method except {@link #TIME_DENIED}. */
    static final Set<String> TIME_TYPES = Set.of("java/time/LocalDate", "java/time/LocalDateTime",
            "java/time/LocalTime", "java/time/Period", "java/time/Duration", "java/time/Year", "java/time/YearMonth",
            "java/time/MonthDay", "java/time/DayOfWeek", "java/time/Month", "java/time/temporal/ChronoUnit",
            "java/time/chrono/ChronoLocalDate", "java/time/chrono/ChronoLocalDateTime",
            "java/time/temporal/TemporalAmount", "java/time/chrono/ChronoPeriod");

    /** Static fields rule code may read besides enum constants of the open packages and of {@link #TIME_TYPES}. */
    static final Set<String> STATIC_FIELDS = Set.of("java/lang/Boolean.TRUE", "java/lang/Boolean.FALSE",
            "java/time/LocalDate.MIN", "java/time/LocalDate.MAX", "java/time/LocalDate.EPOCH",
            "java/time/Period.ZERO", "java/time/Duration.ZERO", "java/math/BigDecimal.ZERO",
            "java/math/BigDecimal.ONE", "java/math/BigDecimal.TEN");

    /** Exception types a handler in rule code may catch: never {@link Error}, so budgets cannot be caught. */
    static final Set<String> CATCHABLE = Set.of("java/lang/Exception", "java/lang/RuntimeException",
            "java/lang/IllegalStateException", "java/lang/IllegalArgumentException", "java/lang/NullPointerException",
            "java/lang/ArithmeticException", "java/lang/IndexOutOfBoundsException", "java/lang/ClassCastException",
            "java/lang/NumberFormatException", "java/lang/UnsupportedOperationException",
            "java/time/DateTimeException", "java/util/NoSuchElementException");

    /**
     * The model DSL that glue may call besides the rule-code list: class → methods (any descriptor). Not the rule
     * builder's {@code attribute} (timers, calendars), not {@code executeScript} (MVEL run at fire time).
     */
    static final Map<String, Set<String>> GLUE_METHODS = Map.ofEntries(
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("rule", "declarationOf", "pattern", "on",
                    "execute", "exists", "not", "and", "or", "forall", "from", "alphaIndexedBy", "betaIndexedBy",
                    "globalOf", "reactOn")),
            Map.entry("org/drools/model/PatternDSL$PatternDef", Set.of("expr", "bind", "watch", "passive")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_0", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_1", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_2", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_3", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_4", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_5", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_6", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_7", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_8", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_9", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_10", Set.of("execute")),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of("metadata", "build")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames",
                    "setMoreThanMaxRuleDefs")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("java/time/format/DateTimeFormatterBuilder", Set.of("<init>", "appendPattern",
                    "parseCaseInsensitive", "toFormatter")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf")),
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/Collections", Set.of("emptyList")));

    /** Static fields glue may read besides those of rule code. */
    static final Set<String> GLUE_STATIC_FIELDS = Set.of("java/util/Locale.ENGLISH");
    /** Field owners whose static fields glue may read (the model DSL's constants). */
    static final List<String> GLUE_FIELD_OWNERS = List.of("org/drools/model/Index$ConstraintType");

    /** Types rule code may create with {@code new} (a constructor of the type must be allowed as well). */
    static boolean mayCreate(String type) {
        return inOpenPackage(type) || (JDK.containsKey(type) && JDK.get(type).stream().anyMatch(m -> m.startsWith("<init>")));
    }

    static boolean inOpenPackage(String type) {
        return OPEN_PACKAGES.stream().anyMatch(p -> type.startsWith(p) && type.indexOf('/', p.length()) < 0);
    }

    /** Types rule code may name in a cast, an instanceof or as array elements. */
    static boolean mayNameType(String type) {
        return inOpenPackage(type) || ENGINE.containsKey(type) || DROOLS.containsKey(type) || JDK.containsKey(type)
                || TIME_TYPES.contains(type) || type.equals("org/drools/model/Drools");
    }

    /** Method names refused on any owner: they lead to reflection, waiting, or code outside any budget. */
    static final Set<String> NEVER = Set.of("getClass", "getDeclaringClass", "wait", "notify", "notifyAll",
            "finalize", "describeConstable", "getClassLoader", "getKieRuntime", "getKieBase", "halt", "getEntryPoint",
            "getWorkingMemory", "getMetaData", "getChannels", "getKnowledgeRuntime", "getSession", "getAgenda");

    /** Whether a JDK member list admits this method (by name, or by name and parameters). */
    static boolean admits(Set<String> members, String name, String descriptor) {
        if (!name.equals("<init>") && members.contains(name)) {
            return true;
        }
        return members.contains(name + descriptor.substring(0, descriptor.indexOf(')') + 1));
    }

    private static Map<String, Set<String>> anyDescriptor(String... names) {
        return java.util.Arrays.stream(names).collect(java.util.stream.Collectors.toUnmodifiableMap(n -> n,
                n -> Set.of()));
    }

    private static Set<String> exceptionMembers() {
        return union(Set.of("getMessage"), EXCEPTION_NEW.stream().map(d -> "<init>" + d)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static Set<String> collectionClass() {
        return union(COLLECTION_READ, COLLECTION_BUILD, COLLECTION_NEW.stream().map(d -> "<init>" + d)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
