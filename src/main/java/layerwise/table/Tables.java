package layerwise.table;

import layerwise.experiment.DepthStats;
import layerwise.experiment.LayerStats;
import layerwise.experiment.SchemeSample;
import layerwise.experiment.Stats;
import layerwise.init.Theory;
import layerwise.io.OutputDirectory;
import layerwise.tensor.Tensor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tables of statistics (Tablesaw). A {@link Table} prints itself when JShell shows it, so evaluating
 * {@code Tables.stats(w)} shows the table; {@link #writeCsv} saves one next to the plots.
 *
 * <p>Numbers print with four significant digits; "-" marks a value that does not apply (NaN).
 */
public final class Tables {
    static {
        // Tablesaw's first use makes SLF4J print three warning lines when no logger is bound; the launcher
        // passes -Dslf4j.internal.verbosity=ERROR, and this covers a JVM started without it.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private Tables() {
    }

    /** count, mean, std, min, max of a tensor, in a one-row table named "tensor". */
    public static Table stats(Tensor tensor) {
        return stats("tensor", tensor, null);
    }

    /** count, mean, std, min, max of a tensor, in a one-row table. */
    public static Table stats(String name, Tensor tensor) {
        return stats(name, tensor, null);
    }

    /**
     * The sample statistics next to the theory's: expected std, and the bound for a uniform scheme
     * (null theory: those columns are "-").
     */
    public static Table stats(String name, Tensor tensor, Theory theory) {
        Stats s = Stats.of(tensor);
        return format(Table.create(name,
                StringColumn.create("tensor", name),
                IntColumn.create("count", new int[] {s.count()}),
                DoubleColumn.create("mean", s.mean()),
                DoubleColumn.create("std", s.std()),
                DoubleColumn.create("min", s.min()),
                DoubleColumn.create("max", s.max()),
                DoubleColumn.create("theory_std", theory == null ? Double.NaN : theory.expectedStd()),
                DoubleColumn.create("bound", theory == null ? Double.NaN : theory.bound())));
    }

    /** One row per scheme: its theory (fans, gain, bound, std) beside what the sample shows. */
    public static Table compareSchemes(List<SchemeSample> samples) {
        Table t = Table.create("init schemes on " + (samples.isEmpty() ? "[]"
                : java.util.Arrays.toString(samples.get(0).weight().shape())));
        StringColumn scheme = StringColumn.create("scheme");
        StringColumn dist = StringColumn.create("distribution");
        IntColumn fanIn = IntColumn.create("fan_in"), fanOut = IntColumn.create("fan_out");
        DoubleColumn gain = DoubleColumn.create("gain"), bound = DoubleColumn.create("bound");
        DoubleColumn theoryStd = DoubleColumn.create("theory_std"), std = DoubleColumn.create("std");
        DoubleColumn mean = DoubleColumn.create("mean"), min = DoubleColumn.create("min"), max = DoubleColumn.create("max");
        for (SchemeSample s : samples) {
            Theory th = s.theory();
            scheme.append(s.scheme().name());
            dist.append(th.kind() == Theory.Kind.UNIFORM ? "uniform" : th.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (th.fanUsed().isEmpty()) {
                fanIn.appendMissing();
                fanOut.appendMissing();
            } else {
                fanIn.append(th.fanIn());
                fanOut.append(th.fanOut());
            }
            gain.append(th.fanUsed().isEmpty() ? Double.NaN : th.gain());
            bound.append(th.bound());
            theoryStd.append(th.expectedStd());
            std.append(s.stats().std());
            mean.append(s.stats().mean());
            min.append(s.stats().min());
            max.append(s.stats().max());
        }
        return format(t.addColumns(scheme, dist, fanIn, fanOut, gain, bound, theoryStd, std, mean, min, max));
    }

    /** One row per layer per run: mean, std, pre-activation std, fraction saturated and dead. */
    public static Table depth(List<DepthStats> runs) {
        StringColumn network = StringColumn.create("network"), scheme = StringColumn.create("scheme");
        StringColumn activation = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        DoubleColumn mean = DoubleColumn.create("mean"), std = DoubleColumn.create("std");
        DoubleColumn preStd = DoubleColumn.create("pre_act_std");
        DoubleColumn saturated = DoubleColumn.create("saturated"), dead = DoubleColumn.create("dead");
        for (DepthStats run : runs) {
            for (LayerStats l : run.layers()) {
                network.append(run.network());
                scheme.append(run.scheme());
                activation.append(run.activation());
                layer.append(l.layer());
                mean.append(l.mean());
                std.append(l.std());
                preStd.append(l.preActivationStd());
                saturated.append(l.fractionSaturated());
                dead.append(l.fractionDead());
            }
        }
        return format(Table.create("activations through depth",
                network, scheme, activation, layer, mean, std, preStd, saturated, dead));
    }

    /** {@link #depth(List)} for one or a few runs. */
    public static Table depth(DepthStats... runs) {
        return depth(List.of(runs));
    }

    /**
     * Numbers by row: a first column of ints (a layer, a step) and one column per map entry (header → values,
     * one per row), e.g. each init's gradient norm at every layer. Four significant digits, like every table here.
     */
    public static Table columns(String title, String rowName, int[] rows, java.util.Map<String, double[]> columns) {
        return withColumns(Table.create(title, IntColumn.create(rowName, rows)), rows.length, columns);
    }

    /** Numbers by row, each row named: a first column of labels (an init, a run) and one column per map entry. */
    public static Table columns(String title, String rowName, String[] rows, java.util.Map<String, double[]> columns) {
        return withColumns(Table.create(title, StringColumn.create(rowName, rows)), rows.length, columns);
    }

    private static Table withColumns(Table t, int rows, java.util.Map<String, double[]> columns) {
        columns.forEach((header, values) -> {
            if (values.length != rows) {
                throw new IllegalArgumentException("Column '" + header + "' has " + values.length + " values for "
                        + rows + " rows\n  Each column holds one value per row.\n  Fix: pass " + rows
                        + " values for '" + header + "'.");
            }
            t.addColumns(DoubleColumn.create(header, values));
        });
        return format(t);
    }

    /**
     * Counts in a grid (a confusion matrix): a first column of row labels, an int column per entry of
     * {@code columns}, and optionally one last column of numbers per row ({@code extraName}, null for none).
     */
    public static Table counts(String title, String rowName, String[] rows, String[] columns, int[][] counts,
                               String extraName, double[] extra) {
        Table t = Table.create(title, StringColumn.create(rowName, rows));
        for (int c = 0; c < columns.length; c++) {
            int[] col = new int[rows.length];
            for (int r = 0; r < rows.length; r++) col[r] = counts[r][c];
            t.addColumns(IntColumn.create(columns[c], col));
        }
        if (extraName != null) t.addColumns(DoubleColumn.create(extraName, extra));
        return format(t);
    }

    /**
     * A model summary as a table, one row per layer (containers too): path, layer, input and output
     * shape, parameter count, multiply-adds, and every parameter's PyTorch key and shape.
     */
    public static Table summary(layerwise.shape.Summary s) {
        StringColumn path = StringColumn.create("path"), layer = StringColumn.create("layer");
        StringColumn input = StringColumn.create("input"), output = StringColumn.create("output");
        LongColumn params = LongColumn.create("params"), macs = LongColumn.create("mult_adds");
        StringColumn shapes = StringColumn.create("parameters");
        for (layerwise.shape.Summary.Row r : s.rows()) {
            path.append(r.path());
            layer.append(r.layer());
            // Without an input shape a summary has parameters only: no shapes, nothing FAILED.
            input.append(r.input() == null ? "-" : java.util.Arrays.toString(r.input()));
            output.append(r.input() == null ? "-" : r.output() == null ? "FAILED" : java.util.Arrays.toString(r.output()));
            params.append(r.parameters());
            macs.append(r.multAdds());
            shapes.append(String.join("; ", r.params().stream()
                    .map(p -> p.key() + " " + java.util.Arrays.toString(p.shape())).toList()));
        }
        return Table.create("summary of " + s.model(), path, layer, input, output, params, macs, shapes);
    }

    /**
     * Writes the table as CSV to {@code <name>.csv} in the {@link OutputDirectory} (default "out"), prints and
     * returns the path.
     */
    public static Path writeCsv(Table table, String name) {
        Path dir = OutputDirectory.path();
        Path file = dir.resolve(name.endsWith(".csv") ? name : name + ".csv");
        try {
            Files.createDirectories(dir);
            table.write().csv(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        System.out.println("saved " + file);
        return file;
    }

    /** Four significant digits in every double column, "-" for NaN. */
    private static Table format(Table t) {
        for (NumericColumn<?> c : t.numericColumns()) {
            if (c instanceof DoubleColumn d) d.setPrintFormatter(new NumberColumnFormatter(new SignificantDigits(), "-"));
        }
        return t;
    }
}
