package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The allow-list on real class files: small classes compiled here with javac, read by {@link ClassRefs} and
 * judged by {@link Sandbox}. What an answer needs (loops, Math, collections, lambdas, string concatenation,
 * records, switches, the workbook's tensors) passes; each way out of the sandbox is refused with its reason.
 */
class SandboxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "float[] f(float[] x) { float[] y = new float[x.length]; for (int i = 0; i < x.length; i++) y[i] = (float) Math.tanh(x[i]); return y; }",
            "String f(int n) { return \"n=\" + n + \" \" + java.util.Arrays.toString(new int[] {n}); }",
            "int f(java.util.List<Integer> xs) { return xs.stream().mapToInt(Integer::intValue).map(v -> v * v).sum(); }",
            "record P(int a, int b) { } int f(Object o) { return o instanceof P p ? p.a() + p.b() : 0; }",
            "int f(String s) { return switch (s) { case \"a\" -> 1; case \"b\" -> 2; default -> s.length(); }; }",
            "layerwise.tensor.Tensor f(layerwise.tensor.Tensor x) { return x.matmul(x.t()).add(1f); }",
            "int f(int n) { assert n >= 0 : \"negative\"; System.out.println(n); return Integer.parseInt(\"\" + n); }",
            "java.util.Map<String, Integer> f() { var m = new java.util.HashMap<String, Integer>(); m.merge(\"a\", 1, Integer::sum); return m; }",
            "float[][] f(float[] g, int[][] s) { float[] d = g.clone(); int[][] t = s.clone(); return new float[][] {d, g}; }",
            "void f(java.util.List<layerwise.tensor.Tensor> p) { var o = new layerwise.optim.Adam(p, 0.01); o.zeroGrad(); o.step(); }",
    })
    @DisplayName("what answers need is allowed")
    void allowed(String member) throws Exception {
        for (Map.Entry<String, byte[]> c : compile(member).entrySet()) {
            Optional<String> why = Sandbox.refusal(ClassRefs.read(c.getValue()));
            assertTrue(why.isEmpty(), c.getKey() + ": " + why.orElse(""));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "void f() throws Exception { java.nio.file.Files.delete(java.nio.file.Path.of(\"x\")); } | may not read or write files",
            "void f() throws Exception { new java.net.Socket(\"localhost\", 80).close(); }             | may not use the network",
            "void f() throws Exception { new ProcessBuilder(\"sleep\", \"9\").start(); }               | may not start processes",
            "void f() { System.exit(1); }                                                              | of System, graded code may only print",
            "void f() { new Thread(() -> { }).start(); }                                               | may not start threads",
            "void f() { java.util.concurrent.Executors.newFixedThreadPool(2); }                        | may not start threads",
            "Object f() throws Exception { return Class.forName(\"x\").getDeclaredMethods(); }          | may not reflect, load or define classes",
            "class L extends ClassLoader { }                                                           | cannot be extended or implemented",
            "String f() { return System.getProperty(\"user.home\"); }                                  | of System, graded code may only print",
            "int f(java.util.List<Integer> xs) { return xs.parallelStream().mapToInt(i -> i).sum(); } | parallel streams",
            "void f() { java.util.Locale.setDefault(java.util.Locale.GERMAN); }                        | reaches beyond the call",
            "Object f() { return java.nio.ByteBuffer.allocateDirect(1 << 30); }                         | reaches beyond the call",
            "Object f() { return layerwise.grade.Status.PASSED; }                                      | may not reach the grader",
            "void f(layerwise.nn.Linear l) { l.save(\"x.safetensors\"); }                              | not its files",
            "Object f() { return java.lang.invoke.MethodHandles.lookup(); }                            | may not reflect",
            "Thread[] f() { return new Thread[1]; }                                                   | may not start threads",
            "Thread[] f(Thread[] t) { return t.clone(); }                                             | may not start threads",
    })
    @DisplayName("every way out is refused, with its reason")
    void refused(String member, String reason) throws Exception {
        Optional<String> why = Optional.empty();
        for (byte[] bytes : compile(member).values()) {
            why = why.or(() -> Sandbox.refusal(ClassRefs.read(bytes)));
        }
        assertTrue(why.isPresent(), "allowed: " + member);
        assertTrue(why.get().contains(reason), why.get());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "float[] f(float[] x) { return layerwise.tensor.Tensor.of(x, x.length).relu().toFloatArray(); } | PLAIN_JAVA | layerwise.tensor.Tensor.of",
            "layerwise.tensor.Tensor f(layerwise.tensor.Tensor x, layerwise.tensor.Tensor w) { return layerwise.tensor.Functional.linear(x, w, null); } | TENSOR_OPS | layerwise.tensor.Functional.linear",
            "Object f() { return new layerwise.nn.LSTM(3, 4); } | TENSOR_OPS | layerwise.nn.LSTM.new",
    })
    @DisplayName("an exercise's own rule narrows the workbook part")
    void exerciseRules(String member, Allow allow, String first) throws Exception {
        Optional<String> beyond = Optional.empty();
        for (byte[] bytes : compile(member).values()) {
            ClassRefs refs = ClassRefs.read(bytes);
            assertEquals(Optional.empty(), Sandbox.refusal(refs), "allowed in general");
            beyond = beyond.or(() -> Sandbox.beyond(refs, allow));
            assertEquals(Optional.empty(), Sandbox.beyond(refs, Allow.WORKBOOK));
        }
        assertEquals(Optional.of(first), beyond);
    }

    /** The class files of {@code package REPL; class C { MEMBER }}, compiled against this JVM's class path, by name. */
    private static Map<String, byte[]> compile(String member) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///C.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "package REPL; class C { " + member + " }"; // a snippet class, as JShell names them
            }
        };
        JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        boolean ok = javac.getTask(null, files, null, List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"),
                null, List.of(source)).call();
        assertTrue(ok, "does not compile: " + member);
        Map<String, byte[]> classes = new HashMap<>();
        out.forEach((k, v) -> classes.put(k, v.toByteArray()));
        return classes;
    }
}
