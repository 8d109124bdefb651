package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * toString against PyTorch 1.13's own print of the same tensor. Each expected text below was produced by
 * {@code print(<expression>)} in torch 1.13 (the expression is in the comment); the random tensors are the
 * same bits in both because rand is bit-exact with torch.
 */
class TensorFormatTest {
    private record Case(String name, Tensor tensor, String expected) {
        static Case of(String name, Tensor tensor, String expected) {
            return new Case(name, tensor, expected);
        }
    }

    private static Tensor seeded(long seed, Supplier<Tensor> make) {
        Tensor.manualSeed(seed);
        return make.get();
    }

    private static Tensor vector(float... values) {
        return Tensor.of(values);
    }

    @TestFactory
    @DisplayName("tensors print exactly as torch prints them")
    Stream<DynamicTest> printsLikeTorch() {
        List<Case> cases = List.of(
            // print(torch.tensor(3.25))
            Case.of("scalar", Tensor.scalar(3.25f), """
                tensor(3.2500)"""),
            // print(torch.tensor(-0.5))
            Case.of("negScalar", Tensor.scalar(-0.5f), """
                tensor(-0.5000)"""),
            // print(torch.arange(6.).reshape(2, 3))
            Case.of("ints", Tensor.arange(6).reshape(2, 3), """
                tensor([[0., 1., 2.],
                        [3., 4., 5.]])"""),
            // print(torch.arange(6.).reshape(2, 3) - 3)
            Case.of("negInts", Tensor.arange(6).reshape(2, 3).sub(3), """
                tensor([[-3., -2., -1.],
                        [ 0.,  1.,  2.]])"""),
            // print(torch.zeros(2, 2))
            Case.of("zeros", Tensor.zeros(2, 2), """
                tensor([[0., 0.],
                        [0., 0.]])"""),
            // print(torch.zeros(0))
            Case.of("empty1d", Tensor.zeros(0), """
                tensor([])"""),
            // print(torch.zeros(0, 3))
            Case.of("empty2d", Tensor.zeros(0, 3), """
                tensor([], size=(0, 3))"""),
            // print(torch.zeros(2, 0, 3))
            Case.of("empty3d", Tensor.zeros(2, 0, 3), """
                tensor([], size=(2, 0, 3))"""),
            // print(torch.manual_seed(0); torch.rand(2, 3))
            Case.of("rand23", seeded(0, () -> Tensor.rand(2, 3)), """
                tensor([[0.4963, 0.7682, 0.0885],
                        [0.1320, 0.3074, 0.6341]])"""),
            // print(torch.manual_seed(1); torch.rand(3, 4) * 2 - 1)
            Case.of("randSigned", seeded(1, () -> Tensor.rand(3, 4).mul(2).sub(1)), """
                tensor([[ 0.5153, -0.4414, -0.1939,  0.4694],
                        [-0.9414,  0.5997, -0.2057,  0.5087],
                        [ 0.1390, -0.1224,  0.2774,  0.0493]])"""),
            // print(torch.tensor([1e-5, 1., 100000.]))
            Case.of("sci", vector(1e-5f, 1f, 100000f), """
                tensor([1.0000e-05, 1.0000e+00, 1.0000e+05])"""),
            // print(torch.tensor([-1.5e-6, 2.5, 0.]))
            Case.of("sciNeg", vector(-1.5e-6f, 2.5f, 0f), """
                tensor([-1.5000e-06,  2.5000e+00,  0.0000e+00])"""),
            // print(torch.tensor([1., 2e9]))
            Case.of("bigInts", vector(1f, 2e9f), """
                tensor([1.0000e+00, 2.0000e+09])"""),
            // print(torch.tensor([nan, inf, -inf, 1.5]))
            Case.of("nanInf", vector(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5f), """
                tensor([   nan,    inf,   -inf, 1.5000])"""),
            // print(torch.tensor([nan, 2., -3.]))
            Case.of("nanInfInts", vector(Float.NaN, 2f, -3f), """
                tensor([nan,  2., -3.])"""),
            // print(torch.tensor([-0., 1.]))
            Case.of("negZero", vector(-0f, 1f), """
                tensor([-0., 1.])"""),
            // print(torch.linspace(0, 1, 30))
            Case.of("wrap", Tensor.linspace(0, 1, 30), """
                tensor([0.0000, 0.0345, 0.0690, 0.1034, 0.1379, 0.1724, 0.2069, 0.2414, 0.2759,
                        0.3103, 0.3448, 0.3793, 0.4138, 0.4483, 0.4828, 0.5172, 0.5517, 0.5862,
                        0.6207, 0.6552, 0.6897, 0.7241, 0.7586, 0.7931, 0.8276, 0.8621, 0.8966,
                        0.9310, 0.9655, 1.0000])"""),
            // print(torch.manual_seed(2); torch.rand(2, 12) * 200 - 100)
            Case.of("wide", seeded(2, () -> Tensor.rand(2, 12).mul(200).sub(100)), """
                tensor([[ 22.9390, -23.7974,  27.4229,  -5.1078,  42.7188,  23.8073, -11.4935,
                         -80.8463,  22.8314, -88.5345,  13.1428,   6.6458],
                        [-21.9898,  81.7697,   6.6737,  41.4678,  42.3195, -58.9932, -38.4434,
                          96.1718, -97.9477,  -6.7918,  -7.9250,  70.9309]])"""),
            // print(torch.arange(24.).reshape(2, 3, 4) / 7)
            Case.of("threeD", Tensor.arange(24).reshape(2, 3, 4).div(7), """
                tensor([[[0.0000, 0.1429, 0.2857, 0.4286],
                         [0.5714, 0.7143, 0.8571, 1.0000],
                         [1.1429, 1.2857, 1.4286, 1.5714]],

                        [[1.7143, 1.8571, 2.0000, 2.1429],
                         [2.2857, 2.4286, 2.5714, 2.7143],
                         [2.8571, 3.0000, 3.1429, 3.2857]]])"""),
            // print(torch.arange(1001.))
            Case.of("summary1d", Tensor.arange(1001), """
                tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])"""),
            // print(torch.manual_seed(3); torch.rand(40, 30))
            Case.of("summary2d", seeded(3, () -> Tensor.rand(40, 30)), """
                tensor([[0.0043, 0.1056, 0.2858,  ..., 0.5997, 0.1213, 0.1148],
                        [0.2609, 0.8052, 0.1394,  ..., 0.9160, 0.7142, 0.2773],
                        [0.8548, 0.5356, 0.1302,  ..., 0.0588, 0.1677, 0.3295],
                        ...,
                        [0.8668, 0.7952, 0.9202,  ..., 0.1695, 0.8560, 0.6432],
                        [0.3102, 0.3803, 0.5065,  ..., 0.6286, 0.8912, 0.2172],
                        [0.8979, 0.1784, 0.7140,  ..., 0.5380, 0.3862, 0.7609]])"""),
            // print(torch.manual_seed(4); torch.rand(10, 11, 12) - 0.5)
            Case.of("summary3d", seeded(4, () -> Tensor.rand(10, 11, 12).sub(0.5f)), """
                tensor([[[ 0.0596,  0.0591, -0.4085,  ...,  0.4744, -0.1811, -0.2852],
                         [ 0.4263, -0.0265,  0.0949,  ..., -0.1793,  0.1074,  0.0233],
                         [ 0.4263,  0.0431,  0.2506,  ...,  0.3065,  0.4622, -0.2827],
                         ...,
                         [-0.4863,  0.2449,  0.4823,  ...,  0.0917, -0.4897, -0.1975],
                         [-0.0647, -0.1192,  0.2060,  ..., -0.1743,  0.1947,  0.2304],
                         [ 0.0949, -0.2685,  0.1353,  ...,  0.2609, -0.0803,  0.4391]],

                        [[-0.0038, -0.1055,  0.1734,  ...,  0.1622, -0.4693,  0.0962],
                         [ 0.2719,  0.1974,  0.0123,  ...,  0.0197, -0.1719, -0.2092],
                         [-0.4055,  0.3930,  0.0461,  ..., -0.2140,  0.2513,  0.4184],
                         ...,
                         [-0.0604,  0.3223, -0.1276,  ..., -0.4237, -0.1980,  0.4980],
                         [-0.3346,  0.2359, -0.1736,  ...,  0.1019, -0.2367,  0.0494],
                         [-0.4114, -0.1129, -0.4177,  ...,  0.0531,  0.1389,  0.4987]],

                        [[ 0.4832, -0.1062,  0.2527,  ...,  0.3976, -0.0721, -0.0579],
                         [ 0.2132,  0.0888,  0.2374,  ..., -0.4625, -0.4930, -0.1396],
                         [-0.0643,  0.3204, -0.2068,  ...,  0.2282,  0.1440, -0.4071],
                         ...,
                         [-0.1779, -0.4154, -0.4129,  ..., -0.4002,  0.4521,  0.0563],
                         [ 0.2832,  0.2283,  0.1240,  ...,  0.1099,  0.4774, -0.2044],
                         [-0.1890, -0.0215, -0.0864,  ...,  0.0439,  0.3504, -0.2432]],

                        ...,

                        [[-0.4280, -0.0229,  0.3720,  ...,  0.1941, -0.2801, -0.1877],
                         [-0.3753, -0.4135,  0.1011,  ..., -0.0986,  0.0762, -0.3748],
                         [ 0.2774, -0.1265, -0.0830,  ..., -0.0068, -0.2216,  0.3962],
                         ...,
                         [-0.1614, -0.4796,  0.0493,  ...,  0.1397,  0.1194,  0.4220],
                         [ 0.1142, -0.1349, -0.4355,  ...,  0.1937,  0.2695, -0.1695],
                         [ 0.3919, -0.2631,  0.2542,  ..., -0.1193, -0.2047,  0.3621]],

                        [[ 0.2547,  0.1744, -0.4889,  ...,  0.2896, -0.3749,  0.3155],
                         [-0.2901,  0.3999, -0.1366,  ..., -0.4417, -0.4196,  0.0574],
                         [-0.3430,  0.4757, -0.2679,  ..., -0.2404,  0.3843, -0.0358],
                         ...,
                         [-0.0442, -0.4604,  0.2926,  ...,  0.3257, -0.0977, -0.1992],
                         [-0.1270,  0.2843,  0.0433,  ..., -0.4014,  0.2271,  0.0667],
                         [-0.3554,  0.2982,  0.4715,  ..., -0.4831,  0.2560, -0.0703]],

                        [[-0.4174,  0.2368, -0.4001,  ..., -0.1693, -0.1063,  0.0148],
                         [-0.3730, -0.1106,  0.3627,  ...,  0.0504,  0.2988, -0.1978],
                         [ 0.4951, -0.3822,  0.1172,  ..., -0.2073, -0.4063, -0.0457],
                         ...,
                         [ 0.4984,  0.3859,  0.0632,  ..., -0.2014,  0.1264, -0.2291],
                         [ 0.3108, -0.3617,  0.0805,  ...,  0.4514,  0.2774, -0.0921],
                         [-0.2277, -0.0089,  0.3112,  ..., -0.4584,  0.0623, -0.1838]]])"""),
            // print(torch.manual_seed(5); torch.rand(501, 2))
            Case.of("summaryShortRows", seeded(5, () -> Tensor.rand(501, 2)), """
                tensor([[0.8303, 0.1261],
                        [0.9075, 0.8199],
                        [0.9201, 0.1166],
                        ...,
                        [0.9978, 0.6672],
                        [0.4864, 0.5885],
                        [0.5838, 0.3080]])"""),
            // print(torch.arange(6.).reshape(2, 3).t())
            Case.of("transposed", Tensor.arange(6).reshape(2, 3).t(), """
                tensor([[0., 3.],
                        [1., 4.],
                        [2., 5.]])"""),
            // print(torch.arange(3.).reshape(3, 1) / 4)
            Case.of("col", Tensor.arange(3).reshape(3, 1).div(4), """
                tensor([[0.0000],
                        [0.2500],
                        [0.5000]])"""),
            // print(torch.tensor([0.00005, 0.00015, 0.5]))
            Case.of("half", vector(0.00005f, 0.00015f, 0.5f), """
                tensor([5.0000e-05, 1.5000e-04, 5.0000e-01])"""),
            // print(torch.tensor([0.12345, 2.00005, 1.99995]))
            Case.of("roundHalf", vector(0.12345f, 2.00005f, 1.99995f), """
                tensor([0.1235, 2.0001, 2.0000])"""));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertEquals(c.expected(), c.tensor().toString(), c.name())));
    }
}
