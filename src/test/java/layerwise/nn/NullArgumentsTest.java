package layerwise.nn;

import layerwise.init.Init;
import layerwise.shape.Solve;
import layerwise.shape.Summary;
import layerwise.shape.Trace;
import layerwise.tensor.Tensor;
import layerwise.tensor.TypeError;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A null where a tensor, a shape, a model or a path is expected: PyTorch's TypeError line, not a NullPointerException. */
class NullArgumentsTest {

    private static Arguments call(String name, String firstLine, Executable call) {
        return Arguments.of(name, firstLine, call);
    }

    private static String arg(String op, String arg, int position, String type) {
        return op + "(): argument '" + arg + "' (position " + position + ") must be " + type + ", not NoneType";
    }

    private static String tensorArg(String op, String arg, int position) {
        return arg(op, arg, position, "Tensor");
    }

    static Stream<Arguments> calls() {
        Tensor x = Tensor.randn(2, 3);
        Tensor none = null;
        int[] noShape = null;
        Module noModule = null;
        Sequential net = new Sequential(new Linear(3, 2));
        return Stream.of(
                call("Linear.forward", tensorArg("linear", "input", 1), () -> new Linear(3, 2).forward(none)),
                call("Conv2d.forward", tensorArg("conv2d", "input", 1), () -> new Conv2d(1, 2, 3).forward(none)),
                call("ReLU.forward", tensorArg("relu", "input", 1), () -> new ReLU().forward(none)),
                call("LeakyReLU.forward", tensorArg("leaky_relu", "input", 1), () -> new LeakyReLU().forward(none)),
                call("Sigmoid.forward", tensorArg("sigmoid", "input", 1), () -> new Sigmoid().forward(none)),
                call("Tanh.forward", tensorArg("tanh", "input", 1), () -> new Tanh().forward(none)),
                call("Flatten.forward", tensorArg("flatten", "input", 1), () -> new Flatten().forward(none)),
                call("Dropout.forward", tensorArg("dropout", "input", 1), () -> new Dropout().forward(none)),
                call("MaxPool2d.forward", tensorArg("max_pool2d", "input", 1), () -> new MaxPool2d(2).forward(none)),
                call("AvgPool2d.forward", tensorArg("avg_pool2d", "input", 1), () -> new AvgPool2d(2).forward(none)),
                call("Sequential.forward", tensorArg("Sequential.forward", "input", 1), () -> net.forward(none)),
                call("RNN.forward", tensorArg("rnn_tanh", "input", 1), () -> new RNN(3, 4).forward(none)),
                call("LSTM.forward", tensorArg("lstm", "input", 1), () -> new LSTM(3, 4).forward(none)),
                call("GRU.forward", tensorArg("gru", "input", 1), () -> new GRU(3, 4).forward(none)),
                call("RNNCell.forward", tensorArg("rnn_tanh_cell", "input", 1), () -> new RNNCell(3, 4).forward(none)),
                call("LSTMCell.forward", tensorArg("lstm_cell", "input", 1), () -> new LSTMCell(3, 4).forward(none)),
                call("GRUCell.forward", tensorArg("gru_cell", "input", 1), () -> new GRUCell(3, 4).forward(none)),
                call("add", tensorArg("add", "other", 1), () -> x.add(none)),
                call("sub", tensorArg("sub", "other", 1), () -> x.sub(none)),
                call("mul", tensorArg("mul", "other", 1), () -> x.mul(none)),
                call("div", tensorArg("div", "other", 1), () -> x.div(none)),
                call("add_", tensorArg("add_", "other", 1), () -> x.add_(none)),
                call("copy_", tensorArg("copy_", "src", 1), () -> x.copy_(none)),
                call("matmul", tensorArg("matmul", "other", 1), () -> x.matmul(none)),
                call("mm", tensorArg("mm", "mat2", 1), () -> x.mm(none)),
                call("bmm", tensorArg("bmm", "mat2", 1), () -> x.bmm(none)),
                call("zerosLike", tensorArg("zeros_like", "input", 1), () -> Tensor.zerosLike(none)),
                call("zeros", arg("zeros", "size", 1, "tuple of ints"), () -> Tensor.zeros(noShape)),
                call("ones", arg("ones", "size", 1, "tuple of ints"), () -> Tensor.ones(noShape)),
                call("randn", arg("randn", "size", 1, "tuple of ints"), () -> Tensor.randn(noShape)),
                call("cat", arg("cat", "tensors", 1, "tuple of Tensors"), () -> Tensor.cat((List<Tensor>) null, 0)),
                call("cat(Tensor...)", arg("cat", "tensors", 1, "tuple of Tensors"), () -> Tensor.cat((Tensor[]) null)),
                call("cat element", "expected Tensor as element 1 in argument 0, but got NoneType",
                        () -> Tensor.cat(x, none)),
                call("stack", arg("stack", "tensors", 1, "tuple of Tensors"), () -> Tensor.stack((List<Tensor>) null, 0)),
                call("Tensor.of", arg("tensor", "data", 1, "array"), () -> Tensor.of((float[]) null, 2)),
                call("Tensor.of 2-D", arg("tensor", "data", 1, "array"), () -> Tensor.of((float[][]) null)),
                call("Init.kaimingUniform", tensorArg("kaiming_uniform_", "tensor", 1), () -> Init.kaimingUniform(none)),
                call("Init.kaimingNormal", tensorArg("kaiming_normal_", "tensor", 1), () -> Init.kaimingNormal(none)),
                call("Init.xavierUniform", tensorArg("xavier_uniform_", "tensor", 1), () -> Init.xavierUniform(none)),
                call("Init.xavierNormal", tensorArg("xavier_normal_", "tensor", 1), () -> Init.xavierNormal(none)),
                call("Init.uniform", tensorArg("uniform_", "tensor", 1), () -> Init.uniform(none)),
                call("Init.normal", tensorArg("normal_", "tensor", 1), () -> Init.normal(none)),
                call("Init.constant", tensorArg("constant_", "tensor", 1), () -> Init.constant(none, 1)),
                call("Init.zeros", tensorArg("zeros_", "tensor", 1), () -> Init.zeros(none)),
                call("Init.ones", tensorArg("ones_", "tensor", 1), () -> Init.ones(none)),
                call("Init.eye", tensorArg("eye_", "tensor", 1), () -> Init.eye(none)),
                call("Init.dirac", tensorArg("dirac_", "tensor", 1), () -> Init.dirac(none)),
                call("Init.orthogonal", tensorArg("orthogonal_", "tensor", 1), () -> Init.orthogonal(none)),
                call("Init.sparse", tensorArg("sparse_", "tensor", 1), () -> Init.sparse(none, 0.1)),
                call("Init.truncNormal", tensorArg("trunc_normal_", "tensor", 1), () -> Init.truncNormal(none)),
                call("Init.calculateFanInAndFanOut", tensorArg("_calculate_fan_in_and_fan_out", "tensor", 1),
                        () -> Init.calculateFanInAndFanOut(none)),
                call("save(Path)", arg("save", "f", 1, "str"), () -> net.save((Path) null)),
                call("save(String)", arg("save", "f", 1, "str"), () -> net.save((String) null)),
                call("load(Path)", arg("load", "f", 1, "str"), () -> net.load((Path) null)),
                call("loadStateDict", "Expected state_dict to be dict-like, got <class 'NoneType'>.",
                        () -> net.loadStateDict((Map<String, Tensor>) null)),
                call("new Sequential((Module) null)", arg("Sequential", "args", 1, "Module"),
                        () -> new Sequential(noModule)),
                call("new Sequential(Linear, null)", arg("Sequential", "args", 2, "Module"),
                        () -> new Sequential(new Linear(3, 2), noModule)),
                call("append", arg("append", "module", 1, "Module"), () -> new Sequential().append(noModule)),
                call("Summary.of(null, ...)", arg("Summary.of", "model", 1, "Module"), () -> Summary.of(noModule, 2, 3)),
                call("Summary.of(net, null)", arg("Summary.of", "input_size", 2, "tuple of ints"),
                        () -> Summary.of(net, noShape)),
                call("Trace.of(null, x)", arg("Trace.of", "model", 1, "Module"), () -> Trace.of(noModule, x)),
                call("Trace.of(net, null tensor)", tensorArg("Trace.of", "input", 2), () -> Trace.of(net, none)),
                call("Trace.of(net, null shape)", arg("Trace.of", "input_size", 2, "tuple of ints"),
                        () -> Trace.of(net, noShape)),
                call("Solve.linear in", arg("Solve.linear", "in", 1, "tuple of ints"),
                        () -> Solve.linear(null, new int[] {2, 3})),
                call("Solve.linear out", arg("Solve.linear", "out", 2, "tuple of ints"),
                        () -> Solve.linear(new int[] {2, 3}, null)),
                call("Solve.conv2d in", arg("Solve.conv2d", "in", 1, "tuple of ints"),
                        () -> Solve.conv2d(null, new int[] {1, 2, 3, 3})),
                call("Solve.conv2d out", arg("Solve.conv2d", "out", 2, "tuple of ints"),
                        () -> Solve.conv2d(new int[] {1, 2, 3, 3}, null)),
                call("Solve.conv2d fixed", arg("Solve.conv2d", "fixed", 3, "ConvSettings (Solve.where()...)"),
                        () -> Solve.conv2d(new int[] {1, 2, 3, 3}, new int[] {1, 2, 3, 3}, null)),
                call("Solve.linearAfter stack", arg("Solve.linearAfter", "stack", 1, "Module"),
                        () -> Solve.linearAfter((Sequential) null, new int[] {1, 3}, 2)),
                call("Solve.linearAfter in", arg("Solve.linearAfter", "in", 2, "tuple of ints"),
                        () -> Solve.linearAfter(net, null, 2)),
                call("Solve.recurrent kind", arg("Solve.recurrent", "kind", 1, "str (\"RNN\", \"LSTM\" or \"GRU\")"),
                        () -> Solve.recurrent(null, new int[] {5, 3}, 4)),
                call("Solve.recurrent in", arg("Solve.recurrent", "in", 2, "tuple of ints"),
                        () -> Solve.recurrent("LSTM", null, 4, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void nullGivesPyTorchsTypeErrorAndAFix(String name, String firstLine, Executable call) {
        Throwable e = assertThrows(Throwable.class, call);
        assertFalse(e instanceof NullPointerException, () -> name + " threw " + e);
        assertInstanceOf(TypeError.class, e, name);
        assertEquals(firstLine, ((TypeError) e).torchMessage());
        assertTrue(e.getMessage().startsWith(firstLine + "\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  Fix: "), e.getMessage());
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theMessageReadsInThreeParts(String name, String firstLine, Executable call) {
        TypeError e = assertThrows(TypeError.class, call);
        assertEquals(3, e.getMessage().split("\n").length, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void lstmWithANullStateStartsFromZerosAsTorchDoes() {
        LSTM lstm = new LSTM(3, 4);
        Tensor x = Tensor.randn(5, 1, 3);
        assertTrue(lstm.forward(x, (Tensor) null).output().allclose(lstm.forward(x).output()));
    }
}
