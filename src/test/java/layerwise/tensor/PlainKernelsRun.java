package layerwise.tensor;

import java.util.Map;
import java.util.TreeMap;

import layerwise.nn.Conv2d;
import layerwise.nn.GRU;
import layerwise.nn.GRUCell;
import layerwise.nn.LSTM;
import layerwise.nn.LSTMCell;
import layerwise.nn.Linear;
import layerwise.nn.RNN;
import layerwise.nn.RNNCell;

/**
 * Runs every hot op the way a learner does, through the layers and tensor methods, then prints which
 * kernel each ran on as {@code OP=KIND} lines. {@link KernelsTest} starts it in a JVM of its own, with
 * {@code -Dlayerwise.kernels=plain} and the trace on.
 */
public final class PlainKernelsRun {
    private PlainKernelsRun() {
    }

    public static void main(String[] args) {
        Tensor.manualSeed(0);
        Tensor.randn(3, 4).matmul(Tensor.randn(4, 2));
        new Linear(4, 2).forward(Tensor.randn(3, 4)).sum().backward();
        new Conv2d(2, 3, 3, 1, 1).forward(Tensor.randn(1, 2, 5, 5).requiresGrad(true)).sum().backward();
        new RNNCell(4, 3).forward(Tensor.randn(2, 4));
        new LSTMCell(4, 3).forward(Tensor.randn(2, 4));
        new GRUCell(4, 3).forward(Tensor.randn(2, 4));
        new RNN(4, 3).forward(Tensor.randn(5, 2, 4));
        new LSTM(4, 3).forward(Tensor.randn(5, 2, 4));
        new GRU(4, 3).forward(Tensor.randn(5, 2, 4));
        // A recurrent backward runs on the kernel its forward ran on (the plain one: autograd through the chain of ops).
        new GRUCell(4, 3).forward(Tensor.randn(2, 4)).sum().backward();
        new LSTM(4, 3).forward(Tensor.randn(5, 2, 4)).output().sum().backward();
        Map<Kernels.Op, Kernels.Kind> ran = new TreeMap<>(Kernels.ran());
        ran.forEach((op, kind) -> System.out.println(op + "=" + kind));
    }
}
