package layerwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way (tensor &lt;- init, io &lt;- nn &lt;- shape, interop, experiment &lt;- plot/table &lt;- train, grade &lt;-
 * workbook), and each third-party library is imported by one package only (train names Tablesaw's Table type, which
 * its tables are). Checked on the imports (static ones included) and
 * on fully qualified names in the code of every file under src/main/java.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    /** The one Tablesaw name train may use: the type of the tables layerwise.table builds for it. */
    private static final String TABLE_TYPE = "tech.tablesaw.api.Table";
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(layerwise\\.\\w+|org\\.knowm\\.xchart|tech\\.tablesaw)\\.");

    /** One dependency of a source file: what it names and where. */
    record Use(String file, String pkg, String target) {
        @Override
        public String toString() {
            return file + " uses " + target;
        }
    }

    /** Every package a file depends on: its imports, and fully qualified names outside comments and strings. */
    static List<String> dependencies(String source) {
        List<String> found = new ArrayList<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) found.add(imports.group(1));
        // The string pattern is "unrolled" (no alternation inside the loop), so java.util.regex does not recurse
        // once per character: a long span between quotes would overflow the stack.
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "").replaceAll("\"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\"", "\"\"");
        Matcher qualified = QUALIFIED.matcher(code.replaceAll("(?m)^\\s*(package|import)\\s.*$", ""));
        while (qualified.find()) found.add(qualified.group(1) + ".");
        return found;
    }

    private static List<Use> uses() {
        List<Use> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("layerwise"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.resolve("layerwise").relativize(f.getParent()).toString().replace('\\', '/').split("/")[0];
                for (String target : dependencies(Files.readString(f))) all.add(new Use(MAIN.relativize(f).toString(), pkg, target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static void assertNone(String rule, Predicate<Use> violation) {
        List<Use> bad = uses().stream().filter(violation).toList();
        assertTrue(bad.isEmpty(), rule + ":\n  " + String.join("\n  ", bad.stream().map(Use::toString).toList()));
    }

    private static boolean inPackage(String target, String... packages) {
        for (String p : packages) if (target.equals(p) || target.startsWith(p + ".")) return true;
        return false;
    }

    @Test
    @DisplayName("the tensor package imports only the JDK's java.*, and the Vector API only in its Simd* classes")
    void tensorUsesOnlyJava() {
        assertNone("layerwise.tensor may import only java.* (and jdk.incubator.vector in Simd*.java, loaded only when present)",
                u -> u.pkg().equals("tensor") && !inPackage(u.target(), "java", "layerwise.tensor")
                        && !(inPackage(u.target(), "jdk.incubator.vector") && u.file().substring(u.file().lastIndexOf('/') + 1).startsWith("Simd")));
    }

    @Test
    @DisplayName("init and io depend on tensor only")
    void initAndIoUseOnlyTensor() {
        assertNone("layerwise.init and layerwise.io may import only java.* and layerwise.tensor",
                u -> (u.pkg().equals("init") || u.pkg().equals("io"))
                        && !inPackage(u.target(), "java", "layerwise.tensor", "layerwise." + u.pkg()));
    }

    @Test
    @DisplayName("nn does not reach up to plot, table or workbook")
    void nnStaysBelowPlotTableWorkbook() {
        assertNone("layerwise.nn must not import layerwise.plot, layerwise.table or layerwise.workbook",
                u -> u.pkg().equals("nn") && inPackage(u.target(), "layerwise.plot", "layerwise.table", "layerwise.workbook"));
    }

    @Test
    @DisplayName("shape sits on nn: it uses tensor, init and nn only, and nothing below reaches up to it")
    void shapeSitsOnNn() {
        assertNone("layerwise.shape may import only java.*, layerwise.tensor, layerwise.init and layerwise.nn",
                u -> u.pkg().equals("shape")
                        && !inPackage(u.target(), "java", "layerwise.tensor", "layerwise.init", "layerwise.nn", "layerwise.shape"));
        assertNone("layerwise.tensor, init, io and nn must not import layerwise.shape",
                u -> List.of("tensor", "init", "io", "nn").contains(u.pkg()) && inPackage(u.target(), "layerwise.shape"));
    }

    @Test
    @DisplayName("interop sits on nn: nothing below it imports it, and it does not reach up to experiment, plot, table or workbook")
    void interopSitsOnNn() {
        assertNone("layerwise.tensor, init, io and nn must not import layerwise.interop",
                u -> List.of("tensor", "init", "io", "nn").contains(u.pkg()) && inPackage(u.target(), "layerwise.interop"));
        assertNone("building modules from an export's arguments is interop's: layerwise.nn must not use layerwise.io.ExportArgs",
                u -> u.pkg().equals("nn") && inPackage(u.target(), "layerwise.io.ExportArgs"));
        assertNone("layerwise.interop must not import layerwise.experiment, plot, table or workbook",
                u -> u.pkg().equals("interop")
                        && inPackage(u.target(), "layerwise.experiment", "layerwise.plot", "layerwise.table", "layerwise.workbook"));
    }

    @Test
    @DisplayName("optim sits on tensor and nn: nothing below imports it, and it does not reach up")
    void optimSitsOnNn() {
        assertNone("layerwise.optim may import only java.*, layerwise.tensor, layerwise.io (its checkpoints) and layerwise.nn",
                u -> u.pkg().equals("optim") && !inPackage(u.target(), "java", "layerwise.tensor", "layerwise.io", "layerwise.nn",
                        "layerwise.optim"));
        assertNone("layerwise.tensor, init, io and nn must not import layerwise.optim",
                u -> List.of("tensor", "init", "io", "nn").contains(u.pkg()) && inPackage(u.target(), "layerwise.optim"));
    }

    @Test
    @DisplayName("train sits on plot and table: only workbook imports it, and it uses the computing packages, plot and table")
    void trainSitsOnPlotAndTable() {
        assertNone("layerwise.train may import only java.*, tensor, nn, optim, plot, table and Tablesaw's Table type",
                u -> u.pkg().equals("train") && !inPackage(u.target(), "java", "layerwise.tensor", "layerwise.nn",
                        "layerwise.optim", "layerwise.plot", "layerwise.table", "layerwise.train", TABLE_TYPE));
        assertNone("only layerwise.workbook may import layerwise.train",
                u -> !u.pkg().equals("train") && !u.pkg().equals("workbook") && inPackage(u.target(), "layerwise.train"));
    }

    @Test
    @DisplayName("data sits on tensor and io: it imports nothing else of the workbook, and nothing below imports it")
    void dataSitsOnTensorAndIo() {
        assertNone("layerwise.data may import only java.*, layerwise.tensor and layerwise.io",
                u -> u.pkg().equals("data") && !inPackage(u.target(), "java", "layerwise.tensor", "layerwise.io", "layerwise.data"));
        assertNone("layerwise.tensor, init, io, nn and optim must not import layerwise.data",
                u -> List.of("tensor", "init", "io", "nn", "optim").contains(u.pkg()) && inPackage(u.target(), "layerwise.data"));
    }

    @Test
    @DisplayName("experiment produces data only: it does not reach up to plot, table or workbook")
    void experimentStaysBelowPlotTableWorkbook() {
        assertNone("layerwise.nn must not import layerwise.experiment",
                u -> u.pkg().equals("nn") && inPackage(u.target(), "layerwise.experiment"));
        assertNone("layerwise.experiment must not import layerwise.plot, layerwise.table or layerwise.workbook",
                u -> u.pkg().equals("experiment")
                        && inPackage(u.target(), "layerwise.plot", "layerwise.table", "layerwise.workbook"));
    }

    @Test
    @DisplayName("grade sits below workbook: only workbook uses it, and it does not use workbook")
    void gradeBelowWorkbook() {
        assertNone("only layerwise.workbook may import layerwise.grade",
                u -> !u.pkg().equals("grade") && !u.pkg().equals("workbook") && inPackage(u.target(), "layerwise.grade"));
        assertNone("layerwise.grade must not import layerwise.workbook (it drives its own JShell)",
                u -> u.pkg().equals("grade") && inPackage(u.target(), "layerwise.workbook"));
    }

    @Test
    @DisplayName("only grade imports JUnit in the main code: its grading tests run on the JUnit Platform")
    void junitOnlyInGrade() {
        assertNone("only layerwise.grade may import org.junit",
                u -> !u.pkg().equals("grade") && inPackage(u.target(), "org.junit"));
    }

    @Test
    @DisplayName("plot and table are independent of each other and of workbook")
    void plotAndTableAreIndependent() {
        assertNone("layerwise.plot must not import layerwise.table or layerwise.workbook",
                u -> u.pkg().equals("plot") && inPackage(u.target(), "layerwise.table", "layerwise.workbook"));
        assertNone("layerwise.table must not import layerwise.plot or layerwise.workbook",
                u -> u.pkg().equals("table") && inPackage(u.target(), "layerwise.plot", "layerwise.workbook"));
    }

    @Test
    @DisplayName("only plot imports XChart, only table imports Tablesaw")
    void librariesStayInTheirPackage() {
        assertNone("only layerwise.plot may import org.knowm.xchart",
                u -> !u.pkg().equals("plot") && inPackage(u.target(), "org.knowm.xchart"));
        assertNone("only layerwise.table may import tech.tablesaw (train may name the Table type its tables have)",
                u -> !u.pkg().equals("table") && inPackage(u.target(), "tech.tablesaw")
                        && !(u.pkg().equals("train") && u.target().equals(TABLE_TYPE)));
    }

    @Test
    @DisplayName("the scanner sees imports, static imports and qualified names, but not comments or strings")
    void scannerFindsDependencies() {
        String source = String.join("\n",
                "package layerwise.nn;",
                "import java.util.List;",
                "import static layerwise.plot.Plots.show;",
                "/** See layerwise.table.Tables. */",
                "class X { Object o = new tech.tablesaw.api.Table(); String s = \"org.knowm.xchart.X\"; }");
        assertEquals(List.of("java.util.List", "layerwise.plot.Plots.show", "tech.tablesaw."), dependencies(source));
        assertFalse(uses().isEmpty(), "found no sources under " + MAIN.toAbsolutePath());
    }
}
