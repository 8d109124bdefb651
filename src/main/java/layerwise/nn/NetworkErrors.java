package layerwise.nn;

import java.util.ArrayList;
import java.util.List;

import layerwise.tensor.ShapeError;
import layerwise.tensor.ShapeHints;
import layerwise.tensor.TorchFormat;

/**
 * Errors that know the network: when a layer inside a {@link Sequential} (nested too) fails, the message
 * keeps PyTorch's first line, then names the layer by its path and repr, the shape that reached it and
 * where that shape came from, walking back through the layers that made it; then the layer's own
 * explanation; then a fix that names the layer, the parameter and the value that works, or the layer
 * before it to change instead.
 * <pre>
 * mat1 and mat2 shapes cannot be multiplied (1x4096 and 1024x10)
 *   In this Sequential, (4) Linear(in_features=1024, out_features=10, bias=True) got 4096 features = 16×16×16,
 *   from (3) Flatten of [1, 16, 16, 16], from (2) MaxPool2d of [1, 16, 32, 32], ..., the network's input.
 *   Linear(in_features=1024, out_features=10) expects the last input dim to be 1024, got 4096 (input [1, 4096]).
 *   Fix: (4) Linear: in_features=4096, i.e. new Linear(4096, 10); or (0) Conv2d: out_channels=4 gives 4×16×16 = 1024
 * </pre>
 */
final class NetworkErrors {
    private NetworkErrors() {
    }

    /** A layer that ran (or was about to): its path in the network ("4", "1.0") and the shape that reached it. */
    record Step(String path, Module module, int[] input) {
        String label() {
            return "(" + path + ") " + module.getClass().getSimpleName();
        }
    }

    /** How many layers back the walk names before it shortens to "...". */
    private static final int WALK_BACK = 6;

    /** The layer's error, with the network around it. {@code steps} ends with the layer that failed. */
    static ShapeError inNetwork(int[] networkInput, List<Step> steps, ShapeError cause) {
        // A Sequential inside a custom module may already have said where: an enclosing one passes it on.
        if (cause.explanation().startsWith(WHERE) || steps.isEmpty()) return cause;
        Step failing = steps.get(steps.size() - 1);
        String where = WHERE + "(" + failing.path() + ") " + failing.module() + " got "
                + reached(steps) + walkBack(steps) + ".";
        String explanation = cause.explanation().isEmpty() ? where : where + "\n  " + cause.explanation();
        ShapeHints.Hint bidirectional = bidirectionalOutput(steps, cause);
        if (bidirectional != null) {
            return new ShapeError(cause.torchMessage(), explanation + "\n  " + bidirectional.meaning(), bidirectional.fix());
        }
        ShapeHints.Hint noBatch = failing.module() instanceof Linear lin ? noBatchDim(networkInput, steps, lin) : null;
        if (noBatch != null) explanation += " " + noBatch.meaning();
        ShapeHints.Hint map = failing.module() instanceof Linear lin ? unflattened(steps, lin) : null;
        if (map != null) explanation += "\n  " + map.meaning();
        return new ShapeError(cause.torchMessage(), explanation, fix(networkInput, steps, cause));
    }

    /** How the network context starts, so it is added once. */
    private static final String WHERE = "In this Sequential, ";

    /** What reached the failing layer, in its own terms: features for a Linear, channels for a Conv2d. */
    private static String reached(List<Step> steps) {
        Step failing = steps.get(steps.size() - 1);
        int[] in = failing.input();
        if (failing.module() instanceof Linear && in.length <= 2 && in.length >= 1) {
            String features = in[in.length - 1] + " features";
            Step before = steps.size() > 1 ? steps.get(steps.size() - 2) : null;
            if (before != null && before.module() instanceof Flatten f) {
                int[] s = before.input();
                int start = wrap(f.startDim(), s.length);
                int end = wrap(f.endDim(), s.length);
                if (start < end && end < s.length) features += " = " + TorchFormat.product(s, start, end + 1);
            }
            return features;
        }
        if (failing.module() instanceof Conv2d conv && (in.length == 3 || in.length == 4)
                && inputHint(steps, conv) == null) {
            return in[in.length - 3] + " channels";
        }
        return TorchFormat.shapeString(in);
    }

    /** ", from (3) Flatten of [1, 16, 16, 16], from (2) ..., the network's input", the first layer always named. */
    private static String walkBack(List<Step> steps) {
        List<String> parts = new ArrayList<>();
        for (int j = steps.size() - 2; j >= 0; j--) {
            parts.add(", from " + steps.get(j).label() + " of " + TorchFormat.shapeString(steps.get(j).input()));
        }
        if (parts.size() > WALK_BACK + 1) {
            parts = new ArrayList<>(List.of(String.join("", parts.subList(0, WALK_BACK)), ", ...", parts.get(parts.size() - 1)));
        }
        return String.join("", parts) + (steps.size() > 1 ? ", the network's input" : " (the network's input)");
    }

    private static String fix(int[] networkInput, List<Step> steps, ShapeError cause) {
        Step failing = steps.get(steps.size() - 1);
        if (failing.module() instanceof Linear lin && failing.input().length >= 1) {
            return linearFix(networkInput, steps, lin, cause);
        }
        if (failing.module() instanceof Conv2d conv) return convFix(steps, conv, cause);
        return cause.fix();
    }

    private static String linearFix(int[] networkInput, List<Step> steps, Linear lin, ShapeError cause) {
        Step failing = steps.get(steps.size() - 1);
        int[] in = failing.input();
        int got = in[in.length - 1];
        if (got == lin.inFeatures()) return cause.fix();                    // not a features mistake
        ShapeHints.Hint hint = ShapeHints.linear(in, lin.inFeatures(), lin.rebuiltFor(got));
        String at = "(" + failing.path() + ") Linear";
        if (hint != null && hint.kind() == ShapeHints.Kind.NOT_FLATTENED) {
            return "insert new Flatten() before " + at + " (its input " + TorchFormat.shapeString(in) + " becomes ["
                    + in[0] + ", " + lin.inFeatures() + "]), or flatten with x.flatten(1)";
        }
        ShapeHints.Hint map = unflattened(steps, lin);
        if (map != null) return map.fix();
        if (noBatchDim(networkInput, steps, lin) != null) {
            Step flatten = lastBefore(steps, Flatten.class);
            int[] batched = new int[networkInput.length + 1];
            batched[0] = 1;
            System.arraycopy(networkInput, 0, batched, 1, networkInput.length);
            return "the network's input " + TorchFormat.shapeString(networkInput) + " is one sample without a batch dim: "
                    + "pass x.unsqueeze(0), which is " + TorchFormat.shapeString(batched)
                    + (flatten == null ? "" : "; or, to feed single samples, make " + flatten.label()
                            + " a new Flatten(0, -1)");
        }
        if (hint != null) return cause.fix();
        String fix = at + ": in_features=" + got + ", i.e. new " + lin.rebuiltFor(got);
        // Or the layers before: the last conv sets C in the C·H·W the Flatten makes, and its padding H and W.
        Step flatten = lastBefore(steps, Flatten.class);
        Step conv = flatten == null ? null : lastBefore(steps.subList(0, steps.indexOf(flatten) + 1), Conv2d.class);
        if (flatten != null && flatten.input().length == 4) {
            // A conv whose padding explains the size says so below; otherwise the input may be smaller than the head's.
            String size = HeadInputSize.find(steps, flatten, lin.inFeatures());
            if (size != null && (conv == null || paddingThatGives(steps, conv, flatten, lin.inFeatures()) == null)) {
                String given = TorchFormat.product(networkInput, networkInput.length - 2, networkInput.length);
                if (isStandardSize(given) && !isStandardSize(size)) {
                    return fix + " (the flattened size for " + given + " inputs); or, to keep in_features="
                            + lin.inFeatures() + ", pass " + size + " images, the size this head fits";
                }
                return "this head fits a " + size + " input, not " + given + ": pass " + size + " images (resize or crop "
                        + "them to the size the network was built for); or, to take this size, " + fix;
            }
        }
        if (flatten != null && conv != null && flatten.input().length == 4) {
            int[] s = flatten.input();
            Conv2d c = (Conv2d) conv.module();
            String before = "; or make the layers before give " + lin.inFeatures() + " features: (" + conv.path() + ") Conv2d: ";
            if (s[1] == c.outChannels() && lin.inFeatures() % (s[2] * s[3]) == 0) {
                int channels = lin.inFeatures() / (s[2] * s[3]);
                return fix + before + "out_channels=" + channels + " gives " + channels + "×" + s[2] + "×" + s[3] + " = "
                        + lin.inFeatures();
            }
            String padding = paddingThatGives(steps, conv, flatten, lin.inFeatures());
            if (padding != null) return fix + before + padding;
        }
        return fix + "; or change the layers before it so they give " + lin.inFeatures() + " features";
    }

    /**
     * The square image sizes of the common data sets and models (MNIST 28, CIFAR 32, STL 96, ImageNet
     * crops 224, AlexNet 227, Inception 299, and the powers of two in between). The rule: when the input
     * is one of these and the size the head fits is not (a 57×57 no data set has), the learner's images
     * are what they mean to pass and the head was sized by a slip, so the fix leads with the Linear for
     * the real flattened size; when the input is not (or both are), resizing to the head's size comes first.
     */
    private static final java.util.Set<Integer> STANDARD_SIDES = java.util.Set.of(28, 32, 64, 96, 128, 224, 227, 256, 299, 384, 512);

    /** "32×32" is square and a {@link #STANDARD_SIDES standard} side. */
    private static boolean isStandardSize(String hw) {
        String[] sides = hw.split("×");
        return sides.length == 2 && sides[0].equals(sides[1]) && sides[0].matches("\\d{1,4}")
                && STANDARD_SIDES.contains(Integer.parseInt(sides[0]));
    }

    /**
     * "padding=1 gives 16×32×32 = 16384": the padding of {@code conv} that makes the Flatten give
     * {@code features}, when every layer between them keeps the shape (activations, dropout); else null.
     */
    private static String paddingThatGives(List<Step> steps, Step conv, Step flatten, int features) {
        int from = steps.indexOf(conv);
        int to = steps.indexOf(flatten);
        for (int j = from + 1; j < to; j++) {                // layer j's output is layer j+1's input
            if (!java.util.Arrays.equals(steps.get(j).input(), steps.get(j + 1).input())) return null;
        }
        Conv2d c = (Conv2d) conv.module();
        int[] in = conv.input();
        if (in.length != 4 || c.paddingString() != null) return null;
        int[] k = c.kernelSize();
        int[] st = c.stride();
        int[] d = c.dilation();
        for (int p = 0; p <= Math.max(k[0], k[1]); p++) {
            int h = (in[2] + 2 * p - d[0] * (k[0] - 1) - 1) / st[0] + 1;
            int w = (in[3] + 2 * p - d[1] * (k[1] - 1) - 1) / st[1] + 1;
            if (h > 0 && w > 0 && (long) c.outChannels() * h * w == features) {
                return "padding=" + p + " gives " + c.outChannels() + "×" + h + "×" + w + " = " + features;
            }
        }
        return null;
    }

    private static String convFix(List<Step> steps, Conv2d conv, ShapeError cause) {
        Step failing = steps.get(steps.size() - 1);
        int[] in = failing.input();
        if (in.length != 3 && in.length != 4) return cause.fix();
        int channels = in[in.length - 3];
        if (channels == conv.inChannels()) return cause.fix();
        ShapeHints.Hint hint = inputHint(steps, conv);
        if (hint != null) return hint.fix();
        if (channels % conv.groups() != 0) return cause.fix();
        String fix = "(" + failing.path() + ") Conv2d: in_channels=" + channels + ", i.e. new " + conv.rebuiltFor(channels);
        Step before = lastBefore(steps, Conv2d.class);
        if (before != null && ((Conv2d) before.module()).outChannels() == channels) {
            fix += "; or " + before.label() + ": out_channels=" + conv.inChannels();
        }
        return fix;
    }

    /**
     * What a Conv2d's malformed input probably is. A channels-last image can reach any layer; a grey batch
     * without its channel dim, or an image missing a dim, only the first (later inputs come from layers).
     */
    private static ShapeHints.Hint inputHint(List<Step> steps, Conv2d conv) {
        int[] in = steps.get(steps.size() - 1).input();
        ShapeHints.Hint hint = ShapeHints.convChannels(in, conv.inChannels(), conv.rebuiltFor(in[in.length - 3]));
        if (hint == null || hint.kind() == ShapeHints.Kind.CHANNELS_LAST || steps.size() == 1) return hint;
        return null;
    }

    /** A feature map from a conv or pool into the Linear whose flattened size is not in_features (that case says so itself). */
    private static ShapeHints.Hint unflattened(List<Step> steps, Linear lin) {
        int[] in = steps.get(steps.size() - 1).input();
        if (in.length == 0 || in[in.length - 1] == lin.inFeatures()) return null;
        ShapeHints.Hint hint = ShapeHints.linear(in, lin.inFeatures(), lin.rebuiltFor(in[in.length - 1]));
        return hint != null && hint.kind() == ShapeHints.Kind.NOT_FLATTENED ? null : featureMap(steps, lin);
    }

    /**
     * A Linear that got a 4-D feature map from a conv or pool layer (through shape-keeping layers such as
     * ReLU): a missing Flatten whatever its in_features, or null.
     */
    private static ShapeHints.Hint featureMap(List<Step> steps, Linear lin) {
        Step failing = steps.get(steps.size() - 1);
        if (failing.input().length != 4) return null;
        for (int j = steps.size() - 2; j >= 0; j--) {
            Module m = steps.get(j).module();
            if (m instanceof Conv2d || m instanceof Pool2d) {
                long flat = (long) failing.input()[1] * failing.input()[2] * failing.input()[3];
                if (flat > Integer.MAX_VALUE) return null;
                return ShapeHints.featureMapIntoLinear(failing.input(), lin.inFeatures(), steps.get(j).label(),
                        "(" + failing.path() + ") Linear", lin.rebuiltFor((int) flat));
            }
            if (steps.get(j).input().length != 4) return null;
        }
        return null;
    }

    /**
     * The Linear got (rows, features) from a Flatten() of a 3-D map that came from a 3-D network input:
     * one unbatched image, whose channels the Flatten kept as if they were the batch.
     */
    private static ShapeHints.Hint noBatchDim(int[] networkInput, List<Step> steps, Linear lin) {
        Step failing = steps.get(steps.size() - 1);
        Step before = steps.size() > 1 ? steps.get(steps.size() - 2) : null;
        if (before == null || !(before.module() instanceof Flatten f) || f.startDim() != 1) return null;
        if (before.input().length != 3 || networkInput.length != 3) return null;
        return ShapeHints.noBatchDim(failing.input(), lin.inFeatures());
    }

    /**
     * A time step of a bidirectional recurrent layer's output, 2·H features, into a Linear built for H: the
     * recurrent layer sits in a module before the failing Linear, or inside the failing module together
     * with a Linear(H, ...) whose matmul failed on 2·H columns. Null when no such layer explains the shapes,
     * since a head sized by half is otherwise just a head sized wrong.
     */
    private static ShapeHints.Hint bidirectionalOutput(List<Step> steps, ShapeError cause) {
        Step failing = steps.get(steps.size() - 1);
        if (failing.module() instanceof Linear lin) {
            int[] in = failing.input();
            if (in.length == 0 || in[in.length - 1] != 2 * lin.inFeatures()) return null;
            for (int j = steps.size() - 2; j >= 0; j--) {
                RNNBase rnn = bidirectional(steps.get(j).module(), lin.inFeatures());
                if (rnn != null) {
                    return ShapeHints.bidirectionalOutput(in, lin.inFeatures(), rnn.numDirections() * rnn.numLayers(),
                            rnn.batchFirst() ? 1 : 0, lin.rebuiltFor(2 * lin.inFeatures()));
                }
            }
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("mat1 and mat2 shapes cannot be multiplied \\((\\d+)x(\\d+) and (\\d+)x(\\d+)\\)")
                .matcher(cause.torchMessage());
        if (!m.matches()) return null;
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        int h = Integer.parseInt(m.group(3));
        if (cols != 2 * h) return null;
        RNNBase rnn = bidirectional(failing.module(), h);
        Linear head = linearFor(failing.module(), h, Integer.parseInt(m.group(4)));
        if (rnn == null || head == null) return null;
        return ShapeHints.bidirectionalOutput(new int[] {rows, cols}, h, rnn.numDirections() * rnn.numLayers(),
                rnn.batchFirst() ? 1 : 0, head.rebuiltFor(cols));
    }

    /** The last bidirectional recurrent layer with {@code h} outputs per direction in {@code m}'s tree, or null. */
    private static RNNBase bidirectional(Module m, int h) {
        RNNBase found = m instanceof RNNBase r && r.bidirectional() && r.outputSize() == h ? r : null;
        for (Module child : m.children()) {
            RNNBase inner = bidirectional(child, h);
            if (inner != null) found = inner;
        }
        return found;
    }

    /** A Linear(in, out) in {@code m}'s tree, or null. */
    private static Linear linearFor(Module m, int in, int out) {
        if (m instanceof Linear lin && lin.inFeatures() == in && lin.outFeatures() == out) return lin;
        for (Module child : m.children()) {
            Linear inner = linearFor(child, in, out);
            if (inner != null) return inner;
        }
        return null;
    }

    /** The last step before the failing one whose layer is a {@code type}, or null. */
    private static Step lastBefore(List<Step> steps, Class<?> type) {
        for (int j = steps.size() - 2; j >= 0; j--) {
            if (type.isInstance(steps.get(j).module())) return steps.get(j);
        }
        return null;
    }

    private static int wrap(int dim, int rank) {
        return dim < 0 ? dim + rank : dim;
    }
}
