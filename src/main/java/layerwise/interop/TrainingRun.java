package layerwise.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.ExportArgs;
import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.io.TensorFileException;
import layerwise.nn.CrossEntropyLoss;
import layerwise.nn.Module;
import layerwise.nn.TensorModule;
import layerwise.optim.Adam;
import layerwise.optim.Optimizer;
import layerwise.optim.SGD;
import layerwise.tensor.Tensor;

/**
 * A training run recorded in PyTorch, and its replay here. The file is a safetensors file whose
 * {@code __metadata__} has {@code "kind": "training"} (made by {@code src/test/python/gen_training_fixtures.py}):
 * the model (a {@code module} described like a parity fixture's, e.g. a Sequential's children under "0.module",
 * "0.in_features", ...), the {@code optimizer} ("SGD" or "Adam") with its hyperparameters under PyTorch's names,
 * and the tensors
 * <pre>
 *   init.&lt;key&gt;, final.&lt;key&gt;   the state dict before the first step and after the last
 *   data.input, data.target   the samples and their classes
 *   batch.indices, batch.sizes  each step's minibatch: its sample indices, concatenated, and its size
 *   loss                      each step's loss, before that step's update
 *   optim.&lt;i&gt;.&lt;name&gt;         the optimizer's state of parameter i (momentum_buffer; step, exp_avg, exp_avg_sq)
 * </pre>
 * A replay loads {@code init.*} into the model and, for each minibatch, does what PyTorch's loop did:
 * {@code zeroGrad()}, CrossEntropyLoss of the model's output, {@code backward()}, {@code step()}.
 */
public final class TrainingRun {
    /** The metadata's {@code kind} for a training file. */
    public static final String KIND = "training";

    private final Path file;
    private final Map<String, String> metadata;
    private final Map<String, Tensor> tensors;
    private final ExportArgs args;

    /** A replay's results, named as in the file: losses per step, the final state dict, the optimizer state. */
    public record Result(float[] losses, Map<String, Tensor> finalState, Map<String, Tensor> optimizerState) {
    }

    private TrainingRun(Path file, SafeTensorsFile f) {
        this.file = file;
        this.metadata = f.metadata();
        this.tensors = f.tensors();
        this.args = new ExportArgs(metadata, file.toString());
    }

    /** Whether a file's metadata says it is a training run. */
    public static boolean isTraining(Map<String, String> metadata) {
        return KIND.equals(metadata.get("kind"));
    }

    /** Reads a training file; one without {@code "kind": "training"} or without its data is refused. */
    public static TrainingRun read(Path file) throws IOException {
        SafeTensorsFile f = SafeTensors.read(file);
        if (!isTraining(f.metadata())) {
            throw new TensorFileException(file, "not a training run: its __metadata__ has no \"kind\": \"training\"");
        }
        for (String name : List.of("data.input", "data.target", "loss", "batch.indices", "batch.sizes")) {
            if (!f.tensors().containsKey(name)) {
                throw new TensorFileException(file, "not a training run: it has no \"" + name + "\" tensor (found "
                        + f.tensors().keySet() + ")");
            }
        }
        return new TrainingRun(file, f);
    }

    public Path file() {
        return file;
    }

    /** The case name ({@code case} in the metadata), or the file name without its extension. */
    public String name() {
        return metadata.getOrDefault("case", file.getFileName().toString().replaceFirst("\\.safetensors$", ""));
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The metadata parsed as arguments; errors name this file. */
    public ExportArgs args() {
        return args;
    }

    public Map<String, Tensor> initialState() {
        return prefixed("init.");
    }

    public Map<String, Tensor> finalState() {
        return prefixed("final.");
    }

    /** The optimizer state PyTorch ended with, by "&lt;parameter index&gt;.&lt;name&gt;": "0.momentum_buffer", "2.exp_avg". */
    public Map<String, Tensor> optimizerState() {
        return prefixed("optim.");
    }

    public Tensor input() {
        return tensors.get("data.input");
    }

    public Tensor target() {
        return tensors.get("data.target");
    }

    /** PyTorch's loss at each step. */
    public float[] losses() {
        return tensors.get("loss").toFloatArray();
    }

    /** The seed PyTorch's global generator had when the DataLoader was made ({@code torch.manual_seed(loader_seed)}). */
    public long loaderSeed() {
        return args.longInteger("loader_seed");
    }

    /** The sample indices of each step's minibatch, in PyTorch's order. */
    public List<int[]> batches() {
        float[] indices = tensors.get("batch.indices").toFloatArray();
        float[] sizes = tensors.get("batch.sizes").toFloatArray();
        List<int[]> batches = new ArrayList<>();
        int at = 0;
        for (float size : sizes) {
            int n = (int) size;
            if (n < 0 || at + n > indices.length) {
                throw problem("batch.sizes add up to more than the " + indices.length
                        + " entries of batch.indices");
            }
            int[] batch = new int[n];
            for (int i = 0; i < n; i++) batch[i] = (int) indices[at + i];
            batches.add(batch);
            at += n;
        }
        if (at != indices.length) {
            throw problem("batch.sizes add up to " + at + ", batch.indices has " + indices.length);
        }
        return batches;
    }

    /** The model the metadata describes, holding {@code init.*}. */
    public Module model() {
        Module model = build();
        model.loadStateDict(initialState());
        return model;
    }

    /**
     * The model the metadata describes, default-initialised from the global generator (after
     * {@code Tensor.manualSeed(init_seed)} its state dict is {@code init.*}, as in PyTorch). Its keys and shapes
     * are checked against {@code init.*} before anything is built, so a file cannot make it allocate more
     * than it holds.
     */
    public Module build() {
        Map<String, int[]> planned = ExportShapes.stateDict(metadata);
        Map<String, Tensor> init = initialState();
        if (!planned.keySet().equals(init.keySet())) {
            throw problem("init.* holds " + init.keySet() + ", the model the metadata describes has " + planned.keySet());
        }
        planned.forEach((key, shape) -> {
            if (!Arrays.equals(shape, init.get(key).shape())) {
                throw problem("init." + key + " is " + Arrays.toString(init.get(key).shape())
                        + ", the metadata's model has " + Arrays.toString(shape));
            }
        });
        Module model = ModuleFactory.fromMetadata(metadata);
        if (!(model instanceof TensorModule)) {
            throw problem("the model (" + args.string("module") + ") has no one-tensor forward");
        }
        return model;
    }

    /** The optimizer the metadata names, over {@code params}, with the recorded hyperparameters. */
    public Optimizer optimizer(List<Tensor> params) {
        String name = args.string("optimizer");
        double lr = args.decimal("lr");
        return switch (name) {
            case "SGD" -> new SGD(params, lr, SGD.options().momentum(args.decimal("momentum"))
                    .dampening(args.decimal("dampening")).weightDecay(args.decimal("weight_decay"))
                    .nesterov(args.bool("nesterov")).maximize(args.bool("maximize")));
            case "Adam" -> {
                double[] betas = decimals("betas");
                yield new Adam(params, lr, Adam.options().betas(betas[0], betas[1]).eps(args.decimal("eps"))
                        .weightDecay(args.decimal("weight_decay")).amsgrad(args.bool("amsgrad"))
                        .maximize(args.bool("maximize")));
            }
            default -> throw problem("no optimizer \"" + name + "\" to replay (known: SGD, Adam)");
        };
    }

    /** The run replayed on the file's own minibatches. */
    public Result replay() {
        return replay(batches());
    }

    /**
     * The run replayed on the given minibatches (sample indices): from {@code init.*}, each step
     * zeroGrad, loss = CrossEntropyLoss(model(x[batch]), y[batch]), backward, step.
     */
    public Result replay(List<int[]> batches) {
        if (!args.string("loss").equals("CrossEntropyLoss")) {
            throw problem("no loss \"" + args.string("loss") + "\" to replay (known: CrossEntropyLoss)");
        }
        Module model = model();
        Optimizer optimizer = optimizer(model.parameters());
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        float[] losses = new float[batches.size()];
        for (int step = 0; step < batches.size(); step++) {
            int[] batch = batches.get(step);
            optimizer.zeroGrad();
            Tensor out = ((TensorModule) model).forward(rows(input(), batch));
            Tensor loss = lossFn.forward(out, rows(target(), batch));
            loss.backward();
            optimizer.step();
            losses[step] = loss.item();
        }
        return new Result(losses, model.stateDict(), flatten(optimizer.stateDict()));
    }

    /** The optimizer's state tensors by "&lt;parameter index&gt;.&lt;name&gt;", as the file names them after "optim.". */
    @SuppressWarnings("unchecked")
    static Map<String, Tensor> flatten(Map<String, Object> optimizerStateDict) {
        Map<String, Tensor> flat = new LinkedHashMap<>();
        ((Map<Integer, Map<String, Object>>) optimizerStateDict.get("state")).forEach((i, s) -> s.forEach((name, v) -> {
            if (v instanceof Tensor t) flat.put(i + "." + name, t);
        }));
        return flat;
    }

    /** The rows {@code indices} of t along dim 0, in that order: {@code t[indices]}. */
    static Tensor rows(Tensor t, int[] indices) {
        int[] shape = t.shape();
        int n = shape[0];
        int rowSize = n == 0 ? 0 : t.numel() / n;
        float[] all = t.toFloatArray();
        float[] picked = new float[indices.length * rowSize];
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] < 0 || indices[r] >= n) {
                throw new IndexOutOfBoundsException("sample index " + indices[r] + " is outside the " + n + " samples");
            }
            System.arraycopy(all, indices[r] * rowSize, picked, r * rowSize, rowSize);
        }
        shape[0] = indices.length;
        return Tensor.of(picked, shape);
    }

    private Map<String, Tensor> prefixed(String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
        });
        return Collections.unmodifiableMap(out);
    }

    /** A problem with this file's contents, found after it was read; the message starts with the file. */
    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(file + ": " + what);
    }

    /** A tuple of numbers, {@code "[0.9, 0.999]"}. */
    private double[] decimals(String key) {
        String v = args.string(key).trim();
        if (!v.startsWith("[") || !v.endsWith("]")) {
            throw problem("metadata \"" + key + "\" should be a list like [0.9, 0.999], got " + v);
        }
        String[] parts = v.substring(1, v.length() - 1).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i].trim());
        return out;
    }
}
