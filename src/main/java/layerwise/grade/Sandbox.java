package layerwise.grade;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What graded code may use: an allow-list checked against every class a learner's snippet compiles to
 * ({@link ClassRefs}), before the learner's VM loads it ({@link SealedExecution}). Anything not on the list is
 * refused, so an answer can only compute: no files, sockets, processes, threads, reflection, class loading,
 * system properties, no way to end the VM, and nothing of the grader. On top of that each exercise narrows
 * the workbook part of the list ({@link Allow}).
 */
final class Sandbox {
    private Sandbox() {
    }

    /** JDK classes every member of which is allowed: values, arithmetic, strings, collections, functions, errors. */
    private static final Set<String> JAVA_CLASSES = Set.of(
            "java/lang/Object", "java/lang/Math", "java/lang/StrictMath", "java/lang/Number", "java/lang/Integer",
            "java/lang/Long", "java/lang/Float", "java/lang/Double", "java/lang/Short", "java/lang/Byte",
            "java/lang/Character", "java/lang/Boolean", "java/lang/Void", "java/lang/String", "java/lang/StringBuilder",
            "java/lang/StringBuffer", "java/lang/CharSequence", "java/lang/Comparable", "java/lang/Iterable",
            "java/lang/Cloneable", "java/lang/Runnable", "java/lang/Enum", "java/lang/Record", "java/lang/Throwable",
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Error", "java/lang/AssertionError",
            "java/lang/IllegalArgumentException", "java/lang/IllegalStateException", "java/lang/ArithmeticException",
            "java/lang/UnsupportedOperationException", "java/lang/IndexOutOfBoundsException",
            "java/lang/ArrayIndexOutOfBoundsException", "java/lang/NullPointerException", "java/lang/ClassCastException",
            "java/lang/NumberFormatException", "java/lang/NegativeArraySizeException", "java/lang/MatchException",
            "java/lang/IncompatibleClassChangeError", "java/lang/NoSuchFieldError", "java/lang/CloneNotSupportedException",
            "java/math/BigInteger", "java/math/BigDecimal", "java/math/RoundingMode", "java/math/MathContext",
            "java/util/List", "java/util/ArrayList", "java/util/LinkedList", "java/util/Map", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/SortedMap", "java/util/NavigableMap",
            "java/util/Map$Entry", "java/util/AbstractMap$SimpleEntry", "java/util/Set", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/SortedSet", "java/util/NavigableSet",
            "java/util/Collection", "java/util/Collections", "java/util/Arrays", "java/util/Iterator",
            "java/util/ListIterator", "java/util/Objects", "java/util/Optional", "java/util/OptionalInt",
            "java/util/OptionalLong", "java/util/OptionalDouble", "java/util/Random", "java/util/Deque",
            "java/util/ArrayDeque", "java/util/Queue", "java/util/PriorityQueue", "java/util/Comparator",
            "java/util/StringJoiner", "java/util/Locale", "java/util/BitSet", "java/util/Stack",
            "java/util/IntSummaryStatistics", "java/util/LongSummaryStatistics", "java/util/DoubleSummaryStatistics",
            "java/util/NoSuchElementException", "java/util/ConcurrentModificationException",
            "java/util/stream/Stream", "java/util/stream/IntStream", "java/util/stream/LongStream",
            "java/util/stream/DoubleStream", "java/util/stream/Collectors", "java/util/stream/Collector",
            "java/util/stream/BaseStream", "java/nio/ByteBuffer", "java/nio/ByteOrder", "java/nio/FloatBuffer",
            "java/nio/IntBuffer", "java/nio/Buffer");

    /** JDK classes of which only these members are allowed (an empty set: the type only, no member). */
    private static final Map<String, Set<String>> JAVA_MEMBERS = Map.ofEntries(
            Map.entry("java/lang/System", Set.of("out", "err", "arraycopy", "nanoTime", "currentTimeMillis",
                    "identityHashCode", "lineSeparator")),
            Map.entry("java/io/PrintStream", Set.of("print", "println", "printf", "format", "flush")),
            // assert statements ask their class whether assertions are on; a class's name is harmless
            Map.entry("java/lang/Class", Set.of("desiredAssertionStatus", "getName", "getSimpleName")),
            // the bootstrap methods of lambdas, string concatenation, records and pattern switches
            Map.entry("java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory")),
            Map.entry("java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants", "makeConcat")),
            Map.entry("java/lang/runtime/ObjectMethods", Set.of("bootstrap")),
            Map.entry("java/lang/runtime/SwitchBootstraps", Set.of("typeSwitch", "enumSwitch")),
            Map.entry("java/lang/invoke/MethodHandles$Lookup", Set.of()),
            Map.entry("java/lang/invoke/MethodHandles", Set.of()),
            Map.entry("java/lang/invoke/MethodHandle", Set.of()),
            Map.entry("java/lang/invoke/MethodType", Set.of()),
            Map.entry("java/lang/invoke/CallSite", Set.of()),
            Map.entry("java/lang/invoke/TypeDescriptor", Set.of()),
            // what JShell compiles a reference to a not-yet-defined snippet into: it throws when reached
            Map.entry("jdk/jshell/spi/SPIResolutionException", Set.of("<init>")));

    /**
     * Members of allowed JDK classes that reach beyond the call: the VM's default locale (every later
     * exercise would format with it) and memory outside the heap limit.
     */
    private static final Set<String> JAVA_DENIED = Set.of("java/util/Locale.setDefault", "java/nio/ByteBuffer.allocateDirect");

    /** JDK packages every class of which is allowed: the functional interfaces of lambdas. */
    private static final Set<String> JAVA_PACKAGES = Set.of("java/util/function/");

    /** The workbook's computing packages (its files, plots, tables, commands and grader are not). */
    private static final Set<String> WORKBOOK_PACKAGES = Set.of("layerwise/tensor/", "layerwise/nn/", "layerwise/init/",
            "layerwise/shape/", "layerwise/experiment/", "layerwise/optim/");

    /** Workbook classes and members that reach beyond computing: files, threads, the machine. */
    private static final Set<String> WORKBOOK_DENIED = Set.of("layerwise/tensor/Peak", "layerwise/tensor/SimdPeak",
            "layerwise/tensor/Kernels.setThreads");

    /**
     * Methods every module has (from {@code Module}) that write or read files; a call names the class it is
     * made on ({@code Linear.save}), so they are refused by name on every class of the package.
     */
    private static final Set<String> MODULE_FILE_METHODS = Set.of("save", "load");

    /** The printing and checking helpers of the learner's JShell (println, check, ...), allowed everywhere. */
    private static final String REPL_HELPERS = "layerwise/workbook/Repl";

    /** The classes {@link Allow#TENSOR_OPS} allows of the workbook: a tensor, its size and its errors. */
    private static final Set<String> TENSOR_CLASSES = Set.of("layerwise/tensor/Tensor", "layerwise/tensor/Size",
            "layerwise/tensor/ShapeError", "layerwise/tensor/ValueError", "layerwise/tensor/IndexError",
            "layerwise/tensor/TorchError", "layerwise/tensor/TypeError");

    /** Whether a class is the learner's own: a JShell snippet's wrapper class or a class declared in a snippet. */
    static boolean isSnippetClass(String internalName) {
        return internalName.startsWith("REPL/");
    }

    /** Why this class may not be loaded at all, if it may not: the first thing it uses that no exercise allows. */
    static Optional<String> refusal(ClassRefs refs) {
        if (refs.unsupported() != null) return Optional.of("it uses " + refs.unsupported() + ", which graded code may not");
        for (String type : refs.supertypes()) {
            if (!isSnippetClass(type) && !javaClass(type)) {
                return Optional.of(display(type) + " cannot be extended or implemented in graded code: " + why(type));
            }
        }
        for (ClassRefs.Member m : refs.members()) {
            if (!memberAllowed(m)) {
                String reason = m.name().startsWith("parallel") ? "parallel streams and sorts run code on threads, which graded code may not start."
                        : JAVA_DENIED.contains(m.owner() + "." + m.name())
                        ? "it reaches beyond the call (the VM's default locale, memory outside the heap limit)."
                        : why(m.owner());
                return Optional.of(m.display() + " is not allowed in graded code: " + reason);
            }
        }
        for (String c : refs.classes()) {
            if (!classAllowed(c)) return Optional.of(display(c) + " is not allowed in graded code: " + why(c));
        }
        return Optional.empty();
    }

    /** The first thing of {@code refs} that {@code allow} does not permit, in words, if any. */
    static Optional<String> beyond(ClassRefs refs, Allow allow) {
        if (allow == Allow.WORKBOOK) return Optional.empty();
        // Name the telling call first: Functional.linear rather than the Tensor.of that fed it.
        Optional<ClassRefs.Member> telling = refs.members().stream()
                .filter(m -> !withinExercise(m.owner(), allow) && !TENSOR_CLASSES.contains(m.owner())).findFirst();
        if (telling.isPresent()) return Optional.of(telling.get().display());
        for (ClassRefs.Member m : refs.members()) {
            if (!withinExercise(m.owner(), allow)) return Optional.of(m.display());
        }
        for (String c : refs.classes()) {
            if (!withinExercise(c, allow)) return Optional.of(display(c));
        }
        return Optional.empty();
    }

    private static boolean withinExercise(String type, Allow allow) {
        if (!type.startsWith("layerwise/") || type.equals(REPL_HELPERS)) return true;
        return allow == Allow.TENSOR_OPS && TENSOR_CLASSES.contains(type);
    }

    private static boolean classAllowed(String c) {
        return isSnippetClass(c) || javaClass(c) || JAVA_MEMBERS.containsKey(c) || workbookAllowed(c);
    }

    private static boolean javaClass(String c) {
        return JAVA_CLASSES.contains(c) || JAVA_PACKAGES.stream().anyMatch(p -> c.startsWith(p) && c.indexOf('/', p.length()) < 0);
    }

    private static boolean memberAllowed(ClassRefs.Member m) {
        String owner = m.owner();
        // parallel streams and sorts run the learner's code on threads that outlive the call
        if (m.name().startsWith("parallel") && owner.startsWith("java/")) return false;
        // Integer.getInteger, Long.getLong, Boolean.getBoolean read system properties
        if (Set.of("getInteger", "getLong", "getBoolean").contains(m.name()) && owner.startsWith("java/lang/")) return false;
        if (JAVA_DENIED.contains(owner + "." + m.name())) return false;
        // an array's clone() copies it (javac names the array type as its owner); the element class is checked with the classes
        if (owner.startsWith("[")) return m.name().equals("clone");
        if (isSnippetClass(owner) || javaClass(owner)) return true;
        Set<String> only = JAVA_MEMBERS.get(owner);
        if (only != null) return only.contains(m.name());
        if (owner.startsWith("layerwise/nn/") && MODULE_FILE_METHODS.contains(m.name())) return false;
        return workbookAllowed(owner) && !WORKBOOK_DENIED.contains(owner + "." + m.name());
    }

    private static boolean workbookAllowed(String c) {
        if (c.equals(REPL_HELPERS)) return true;
        if (WORKBOOK_DENIED.contains(c)) return false;
        return WORKBOOK_PACKAGES.stream().anyMatch(p -> c.startsWith(p) && c.indexOf('/', p.length()) < 0);
    }

    /** Why a class is refused, by what it is for. */
    private static String why(String c) {
        if (c.startsWith("java/io/") || c.startsWith("java/nio/")) return "graded code may not read or write files.";
        if (c.startsWith("java/net/") || c.startsWith("javax/net/")) return "graded code may not use the network.";
        if (c.equals("java/lang/Process") || c.equals("java/lang/ProcessBuilder") || c.equals("java/lang/ProcessHandle")
                || c.equals("java/lang/Runtime")) return "graded code may not start processes or end the VM.";
        if (c.equals("java/lang/System")) return "of System, graded code may only print and read the clock.";
        if (c.startsWith("java/lang/Thread") || c.startsWith("java/util/concurrent/") || c.equals("java/util/Timer")) {
            return "graded code may not start threads.";
        }
        if (c.startsWith("java/lang/reflect/") || c.startsWith("java/lang/invoke/") || c.equals("java/lang/Class")
                || c.equals("java/lang/ClassLoader") || c.startsWith("java/lang/constant/")) {
            return "graded code may not reflect, load or define classes.";
        }
        if (c.startsWith("layerwise/grade/") || c.startsWith("jdk/jshell/")) return "graded code may not reach the grader.";
        if (c.startsWith("layerwise/")) {
            return "graded code may use the workbook's tensors, layers, init, optimizers and shape tools, not its files, plots, "
                    + "tables, commands or threads.";
        }
        return "it is not on the list of what graded code may use (arithmetic, Math, arrays, strings, collections, "
                + "and the workbook's tensors and layers).";
    }

    /** A class as a Java programmer writes it: {@code java.io.File}, {@code java.util.Map.Entry}. */
    static String display(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }
}
