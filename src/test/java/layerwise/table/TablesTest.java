package layerwise.table;

import layerwise.experiment.DepthExperiment;
import layerwise.experiment.DepthStats;
import layerwise.experiment.Scheme;
import layerwise.experiment.SchemeSample;
import layerwise.init.Init;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TablesTest {

    @Test
    @DisplayName("columns: an int or a label column, then one number column per entry, in order; a column of the wrong length is named")
    void columns() {
        java.util.Map<String, double[]> cols = new java.util.LinkedHashMap<>();
        cols.put("N(0, 1²)", new double[] {4.77e4, 2.84});
        cols.put("kaiming_normal", new double[] {12.3, 6.62});
        Table t = Tables.columns("grads", "layer", new int[] {1, 10}, cols);
        assertEquals("grads", t.name());
        assertEquals(List.of("layer", "N(0, 1²)", "kaiming_normal"), t.columnNames());
        assertEquals(10, t.intColumn("layer").get(1));
        assertEquals(6.62, t.doubleColumn("kaiming_normal").getDouble(1), 0);
        assertTrue(t.printAll().contains("47700"), t.printAll());
        Table named = Tables.columns("by init", "init", new String[] {"default", "kaiming"}, cols);
        assertEquals("kaiming", named.stringColumn("init").get(1));
        assertEquals(4.77e4, named.doubleColumn("N(0, 1²)").getDouble(0), 0);
        cols.put("short", new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.columns("g", "layer", new int[] {1, 2}, cols));
        assertTrue(e.getMessage().startsWith("Column 'short' has 1 values for 2 rows"), e.getMessage());
    }

    @Test
    @DisplayName("stats: count, mean, std, min, max by a plain loop; theory std and bound beside them")
    void stats() {
        Tensor.manualSeed(0);
        Tensor w = Init.xavierUniform(Tensor.empty(64, 32));
        float[] x = w.toFloatArray();
        double sum = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (float v : x) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / x.length, sq = 0;
        for (float v : x) sq += (v - mean) * (v - mean);
        Table t = Tables.stats("w", w, Init.theory("xavier_uniform", w));
        assertEquals(1, t.rowCount());
        assertEquals(2048, t.intColumn("count").get(0));
        assertEquals(mean, t.doubleColumn("mean").getDouble(0), 1e-12);
        assertEquals(Math.sqrt(sq / (x.length - 1)), t.doubleColumn("std").getDouble(0), 1e-12);
        assertEquals(min, t.doubleColumn("min").getDouble(0), 0);
        assertEquals(max, t.doubleColumn("max").getDouble(0), 0);
        double bound = Math.sqrt(6.0 / 96);
        assertEquals(bound, t.doubleColumn("bound").getDouble(0), 1e-15);
        assertEquals(bound / Math.sqrt(3), t.doubleColumn("theory_std").getDouble(0), 1e-15);
        assertTrue(Double.isNaN(Tables.stats(w).doubleColumn("bound").getDouble(0)));
    }

    @Test
    @DisplayName("a table prints in JShell: column names, 4 significant digits, '-' for what does not apply")
    void printing() {
        Table t = Tables.stats("ones", Tensor.ones(3));
        String s = t.toString();
        for (String col : List.of("tensor", "count", "mean", "std", "min", "max", "theory_std", "bound")) {
            assertTrue(s.contains(col), s);
        }
        assertTrue(s.contains("  1  "), s);     // mean 1, not 1.0000000
        assertTrue(s.contains("-"), s);
        assertEquals("ERROR", System.getProperty("slf4j.internal.verbosity"));
    }

    @Test
    @DisplayName("compareSchemes: one row per scheme with its fans, gain, bound and sample std")
    void compareSchemes() {
        Table t = Tables.compareSchemes(SchemeSample.classic(256, 128));
        assertEquals(5, t.rowCount());
        assertEquals(List.of("default", "xavier_uniform", "kaiming_uniform", "N(0, 1²)", "U(-1, 1)"),
                t.stringColumn("scheme").asList());
        assertEquals(128, t.intColumn("fan_in").get(0));
        assertEquals(256, t.intColumn("fan_out").get(1));
        assertTrue(t.intColumn("fan_in").isMissing(3), "N(0, 1) has no fan");
        assertEquals(Math.sqrt(2.0 / 384), t.doubleColumn("theory_std").getDouble(1), 1e-15);
        assertEquals(1 / Math.sqrt(128), t.doubleColumn("bound").getDouble(0), 1e-15);
        assertEquals(Math.sqrt(2), t.doubleColumn("gain").getDouble(2), 1e-15);
        assertEquals(1.0, t.doubleColumn("std").getDouble(3), 0.02);
    }

    @Test
    @DisplayName("depth: one row per layer per run, the same numbers as the experiment's records")
    void depth() {
        DepthStats a = DepthExperiment.mlp(Scheme.xavierUniform(), "tanh", 3, 16, 8, 0);
        DepthStats b = DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 3, 16, 8, 0);
        Table t = Tables.depth(a, b);
        assertEquals(8, t.rowCount());
        assertEquals(List.of(0, 1, 2, 3, 0, 1, 2, 3), t.intColumn("layer").asList());
        for (int l = 0; l <= 3; l++) {
            assertEquals(a.std(l), t.doubleColumn("std").getDouble(l), 0);
            assertEquals(b.layers().get(l).fractionDead(), t.doubleColumn("dead").getDouble(4 + l), 0);
        }
        assertTrue(t.doubleColumn("dead").isMissing(1), "tanh has no dead units");
    }

    @Test
    @DisplayName("writeCsv: a header and one line per row, under layerwise.out")
    void csv(@TempDir Path out) throws IOException {
        String previous = System.setProperty("layerwise.out", out.toString());
        try {
            Path file = Tables.writeCsv(Tables.depth(DepthExperiment.mlp(Scheme.xavierUniform(), "tanh", 2, 8, 4, 0)), "depth");
            assertEquals(out.resolve("depth.csv"), file);
            List<String> lines = Files.readAllLines(file);
            assertEquals("network,scheme,activation,layer,mean,std,pre_act_std,saturated,dead", lines.get(0));
            assertEquals(4, lines.size());
            assertTrue(lines.get(2).startsWith("mlp,xavier_uniform,tanh,1,"), lines.get(2));
        } finally {
            if (previous == null) System.clearProperty("layerwise.out");
            else System.setProperty("layerwise.out", previous);
        }
    }

    @Test
    @DisplayName("summary: one row per layer with its parameter count and keys; the counts add up to numParameters()")
    void summary() {
        var net = new layerwise.nn.Sequential(new layerwise.nn.Linear(4, 3), new layerwise.nn.ReLU(),
                new layerwise.nn.Linear(3, 2));
        Table t = Tables.summary(layerwise.shape.Summary.of(net, 5, 4));
        assertEquals(4, t.rowCount());
        assertEquals(List.of("", "0", "1", "2"), t.stringColumn("path").asList());
        assertEquals(4 * 3 + 3 + 3 * 2 + 2, t.longColumn("params").sum(), 0);
        assertEquals(net.numParameters(), (long) t.longColumn("params").sum());
        assertEquals(5L * (4 * 3 + 3), t.longColumn("mult_adds").get(1));
        assertEquals("2.weight [2, 3]; 2.bias [2]", t.stringColumn("parameters").get(3));
        assertEquals("[5, 2]", t.stringColumn("output").get(0));
        Table noInput = Tables.summary(layerwise.shape.Summary.of(net));
        assertEquals(List.of("-", "-", "-", "-"), noInput.stringColumn("output").asList());
        assertEquals(net.numParameters(), (long) noInput.longColumn("params").sum());
    }
}
