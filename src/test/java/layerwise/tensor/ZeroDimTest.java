package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every op on a 0-d tensor gives the shape PyTorch 1.13 gives (recorded with torch.tensor(2.) and the
 * same call): elementwise ops, reductions and activations keep {@code ()}; flatten, unsqueeze and
 * reshape(1) give {@code [1]}; select, narrow and matmul refuse a 0-d operand.
 */
class ZeroDimTest {

    @Test
    void shapesMatchPyTorch() {
        Tensor x = Tensor.scalar(2f);
        Map<String, Supplier<Tensor>> keepScalar = new LinkedHashMap<>();
        keepScalar.put("abs", x::abs);
        keepScalar.put("add", () -> x.add(x));
        keepScalar.put("add(1)", () -> x.add(1f));
        keepScalar.put("argmax", x::argmax);
        keepScalar.put("argmax(0, true)", () -> x.argmax(0, true));
        keepScalar.put("clamp", () -> x.clamp(0, 1));
        keepScalar.put("clone", x::clone);
        keepScalar.put("div", () -> x.div(x));
        keepScalar.put("exp", x::exp);
        keepScalar.put("log", x::log);
        keepScalar.put("max", x::max);
        keepScalar.put("max(0, true)", () -> x.max(0, true));
        keepScalar.put("mean", x::mean);
        keepScalar.put("mean(0)", () -> x.mean(0));
        keepScalar.put("min(0, false)", () -> x.min(0, false));
        keepScalar.put("mul(3)", () -> x.mul(3f));
        keepScalar.put("neg", x::neg);
        keepScalar.put("pow(2)", () -> x.pow(2));
        keepScalar.put("relu", x::relu);
        keepScalar.put("sigmoid", x::sigmoid);
        keepScalar.put("sqrt", x::sqrt);
        keepScalar.put("squeeze", x::squeeze);
        keepScalar.put("squeeze(0)", () -> x.squeeze(0));
        keepScalar.put("std", x::std);
        keepScalar.put("std(0, true, true)", () -> x.std(0, true, true));
        keepScalar.put("sub", () -> x.sub(x));
        keepScalar.put("sum", x::sum);
        keepScalar.put("sum(0)", () -> x.sum(0));
        keepScalar.put("sum(0, true)", () -> x.sum(0, true));
        keepScalar.put("t", x::t);
        keepScalar.put("tanh", x::tanh);
        keepScalar.put("var", x::var);
        keepScalar.put("var(0, true, true)", () -> x.var(0, true, true));
        keepScalar.put("view()", () -> x.view());
        keepScalar.put("expand()", () -> x.expand());
        keepScalar.put("transpose(0, 0)", () -> x.transpose(0, 0));
        keepScalar.put("permute()", () -> x.permute());
        keepScalar.put("contiguous", x::contiguous);
        keepScalar.put("F.relu", () -> Functional.relu(x));
        keepScalar.put("F.leakyRelu", () -> Functional.leakyRelu(x, 0.1f));
        keepScalar.put("F.dropout(training)", () -> Functional.dropout(x, 0.5, true));
        keepScalar.put("F.dropout(eval)", () -> Functional.dropout(x, 0.5, false));
        keepScalar.put("F.dropout(p=1)", () -> Functional.dropout(x, 1, true));
        keepScalar.forEach((name, op) -> assertArrayEquals(new int[0], op.get().shape(), name));

        Map<String, Supplier<Tensor>> oneElement = new LinkedHashMap<>();
        oneElement.put("flatten", x::flatten);
        oneElement.put("flatten(0)", () -> x.flatten(0));
        oneElement.put("flatten(0, 0)", () -> x.flatten(0, 0));
        oneElement.put("unsqueeze(0)", () -> x.unsqueeze(0));
        oneElement.put("reshape(1)", () -> x.reshape(1));
        oneElement.forEach((name, op) -> assertArrayEquals(new int[] {1}, op.get().shape(), name));

        assertThrows(RuntimeException.class, () -> x.select(0, 0));
        assertThrows(RuntimeException.class, () -> x.narrow(0, 0, 1));
        assertThrows(ShapeError.class, () -> x.matmul(x));
    }

    @Test
    void leakyReluAndDropoutKeepTheValueOfAScalar() {
        assertEquals(-0.25f, Functional.leakyRelu(Tensor.scalar(-2.5f), 0.1f).item());
        Tensor.manualSeed(0);
        float kept = Functional.dropout(Tensor.scalar(3f), 0.5, true).item();
        assertEquals(true, kept == 0f || kept == 6f, "dropped or scaled by 1/(1-p): " + kept);
    }
}
