package layerwise.interop;

import layerwise.nn.Module;
import layerwise.nn.Sequential;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch code for a workbook model: the {@code nn.Module} expression that builds the same layers,
 * and a Python program that builds it and loads the weights the workbook saved with
 * {@code model.save(path)}. Every module here prints PyTorch's repr, whose arguments are already
 * Python's keyword arguments except that torch prints strings bare ({@code padding_mode=reflect}); they
 * are quoted here. A {@code Sequential} keeps its children's indices, so the state dict keys
 * ({@code 0.weight}, {@code 2.bias}) are the same on both sides.
 *
 * <pre>
 * var net = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new Flatten(),
 *                          new Linear(16 * 8 * 8, 10));
 * println(PyTorchCode.module(net));
 * </pre>
 */
public final class PyTorchCode {
    /** The workbook modules that have a torch.nn class of the same name and arguments: the factory's catalogue. */
    static final Set<String> KNOWN = Set.copyOf(ModuleFactory.known());
    /** A keyword argument whose value is a bare word: padding=same, padding_mode=reflect, nonlinearity=relu. */
    private static final Pattern BARE = Pattern.compile("=([A-Za-z_][A-Za-z_0-9]*)(?=,|$)");

    private PyTorchCode() {
    }

    /** {@code nn.Linear(in_features=10, out_features=5, bias=True)}, or a multi-line {@code nn.Sequential(...)}. */
    public static String module(Module m) {
        return module(m, "");
    }

    private static String module(Module m, String indent) {
        String name = m.getClass().getSimpleName();
        if (!KNOWN.contains(name)) {
            throw new IllegalArgumentException("no torch.nn counterpart is known for " + name + "; PyTorchCode writes "
                    + String.join(", ", KNOWN.stream().sorted().toList()));
        }
        if (m instanceof Sequential s) {
            StringBuilder b = new StringBuilder("nn.Sequential(\n");
            for (int i = 0; i < s.size(); i++) {
                b.append(indent).append("    ").append(module((Module) s.get(i), indent + "    "))
                        .append(i + 1 < s.size() ? ",\n" : "\n");
            }
            return b.append(indent).append(")").toString();
        }
        return "nn." + name + "(" + pythonArguments(m.extraRepr()) + ")";
    }

    /** torch's extra_repr with bare string values quoted: "padding=same" becomes "padding='same'". */
    static String pythonArguments(String extraRepr) {
        Matcher m = BARE.matcher(extraRepr);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = m.group(1);
            boolean literal = v.equals("True") || v.equals("False") || v.equals("None");
            m.appendReplacement(b, Matcher.quoteReplacement(literal ? "=" + v : "='" + v + "'"));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * A Python program that builds the model in PyTorch and loads the weights the workbook saved at
     * {@code stateFile} (with {@code model.save(Path.of(stateFile))}); it needs {@code pip install safetensors}.
     */
    public static String program(Module m, String stateFile) {
        return "import torch\n"
                + "from torch import nn\n"
                + "from safetensors.torch import load_file\n\n"
                + "model = " + module(m) + "\n"
                + "model.load_state_dict(load_file(\"" + stateFile + "\"))\n"
                + "model.eval()\n";
    }
}
