package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import layerwise.init.Theory;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shapes, reprs (as printed by torch 1.13) and attributes of the layers. */
class LayersTest {

    @Test
    @DisplayName("Linear(10, 5): weight [5, 10], bias [5], [1, 10] -> [1, 5], torch's repr and attributes")
    void linearBasics() {
        Linear l = new Linear(10, 5);
        assertArrayEquals(new int[] {5, 10}, l.weight.shape());
        assertArrayEquals(new int[] {5}, l.bias.shape());
        assertArrayEquals(new int[] {1, 5}, l.forward(Tensor.randn(1, 10)).shape());
        assertArrayEquals(new int[] {2, 3, 5}, l.forward(Tensor.randn(2, 3, 10)).shape());
        assertArrayEquals(new int[] {0, 5}, l.forward(Tensor.randn(0, 10)).shape());
        assertEquals("Linear(in_features=10, out_features=5, bias=True)", l.toString());
        assertEquals("Linear(in_features=10, out_features=5, bias=False)", new Linear(10, 5, false).toString());
        assertEquals(10, l.inFeatures());
        assertEquals(5, l.outFeatures());
        assertThrows(ShapeError.class, () -> new Linear(-1, 3));
    }

    @Test
    @DisplayName("Linear(10, 5) after manualSeed(0) has torch.manual_seed(0); nn.Linear(10, 5)'s first and last values")
    void linearSeedZero() {
        Tensor.manualSeed(0);
        Linear l = new Linear(10, 5);
        // torch 1.13: weight[0, 0] = -0.0024, weight[4, 9] = -0.0114, bias = [0.2022, 0.3144, 0.1255, 0.0427, 0.2120]
        assertEquals(-0.0024f, l.weight.get(0, 0), 5e-5f);
        assertEquals(-0.0114f, l.weight.get(4, 9), 5e-5f);
        assertArrayEquals(new float[] {0.2022f, 0.3144f, 0.1255f, 0.0427f, 0.2120f}, l.bias.toFloatArray(), 5e-5f);
    }

    @Test
    @DisplayName("the kaiming bound with a=sqrt(5), cast to float, is 1/sqrt(fan_in) for every fan_in up to 4999")
    void kaimingBoundIsInverseSqrtFanIn() {
        for (int fanIn = 1; fanIn < 5000; fanIn++) {
            assertEquals((float) (1 / Math.sqrt(fanIn)), (float) Theory.kaimingUniform(Tensor.empty(1, fanIn), Math.sqrt(5), "fan_in", "leaky_relu").high(), "fan_in " + fanIn);
        }
    }

    @Test
    @DisplayName("with fan_in 0, Linear still draws its bias (bound 0) and Conv2d draws nothing, as in torch")
    void zeroFanInDraws() {
        // torch: manual_seed(0); Linear(0, 3) leaves the stream at draw 3, Conv2d(0, 3, 1) at draw 0.
        Tensor.manualSeed(0);
        Linear l = new Linear(0, 3);
        assertArrayEquals(new float[] {0, 0, 0}, l.bias.toFloatArray());
        assertEquals(0.13203048706054688f, Tensor.rand(1).item());
        Tensor.manualSeed(0);
        new Conv2d(0, 3, 1);
        assertEquals(0.49625658988952637f, Tensor.rand(1).item());
    }

    @Test
    @DisplayName("Conv2d prints torch's repr: stride always, the rest only when not the default")
    void conv2dRepr() {
        assertEquals("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                new Conv2d(3, 16, 3, Conv2d.options().padding(1)).toString());
        assertEquals("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1))", new Conv2d(3, 16, 3).toString());
        assertEquals("Conv2d(3, 16, kernel_size=(3, 2), stride=(2, 1), padding=valid)",
                new Conv2d(3, 16, new int[] {3, 2}, Conv2d.options().stride(2, 1).padding("valid")).toString());
        assertEquals("Conv2d(3, 6, kernel_size=(3, 3), stride=(1, 1), padding=same, dilation=(2, 1), groups=3, "
                        + "bias=False, padding_mode=circular)",
                new Conv2d(3, 6, 3, Conv2d.options().padding("same").dilation(2, 1).groups(3).bias(false)
                        .paddingMode("circular")).toString());
        assertEquals("Conv2d(4, 4, kernel_size=(1, 3), stride=(1, 1), padding=(0, 1))",
                new Conv2d(4, 4, new int[] {1, 3}, Conv2d.options().padding(0, 1)).toString());
    }

    @Test
    @DisplayName("Conv2d(3, 16, 3, padding=1): weight [16, 3, 3, 3], bias [16], [1, 3, 32, 32] -> [1, 16, 32, 32]")
    void conv2dShapes() {
        Conv2d c = new Conv2d(3, 16, 3, Conv2d.options().padding(1));
        assertArrayEquals(new int[] {16, 3, 3, 3}, c.weight.shape());
        assertArrayEquals(new int[] {16}, c.bias.shape());
        assertArrayEquals(new int[] {1, 16, 32, 32}, c.forward(Tensor.randn(1, 3, 32, 32)).shape());
        assertArrayEquals(new int[] {16, 32, 32}, c.forward(Tensor.randn(3, 32, 32)).shape());
        assertArrayEquals(new int[] {3, 3}, c.kernelSize());
        assertArrayEquals(new int[] {1, 1}, c.padding());
        assertEquals(3, c.inChannels());
        assertEquals(16, c.outChannels());
        Conv2d same = new Conv2d(1, 1, 4, Conv2d.options().padding("same"));
        assertNull(same.padding());
        assertEquals("same", same.paddingString());
        assertArrayEquals(new int[] {1, 2, 1, 2}, same.reversedPaddingRepeatedTwice(), "extra row/column at bottom/right");
        Conv2d depthwise = new Conv2d(6, 4, new int[] {3, 5}, Conv2d.options().groups(2));
        assertArrayEquals(new int[] {4, 3, 3, 5}, depthwise.weight.shape());
    }

    @Test
    @DisplayName("activations, Flatten, pools and Dropout print like torch and compute the right values")
    void connectingLayers() {
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("LeakyReLU(negative_slope=1e-05)", new LeakyReLU(1e-5).toString());
        assertEquals("Dropout(p=0.0001, inplace=False)", new Dropout(0.0001).toString());
        assertEquals("Dropout(p=1e-20, inplace=False)", new Dropout(1e-20).toString());
        assertEquals("AvgPool2d(kernel_size=3, stride=2, padding=1)", new AvgPool2d(3, 2, 1).toString());
        assertEquals("MaxPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(new int[] {2, 3}, null, new int[] {0}, new int[] {1}, false).toString());
        Tensor x = Tensor.of(new float[] {-2, -0.5f, 0, 3}, 4);
        assertArrayEquals(new float[] {0, 0, 0, 3}, new ReLU().forward(x).toFloatArray());
        assertArrayEquals(new float[] {-0.2f, -0.05f, 0, 3}, new LeakyReLU(0.1).forward(x).toFloatArray(), 1e-7f);
        assertEquals((float) Math.tanh(3), new Tanh().forward(x).get(3), 1e-6f);
        assertEquals((float) (1 / (1 + Math.exp(0.5))), new Sigmoid().forward(x).get(1), 1e-6f);
        assertArrayEquals(new int[] {2, 60}, new Flatten().forward(Tensor.zeros(2, 3, 4, 5)).shape());
        assertArrayEquals(new int[] {24, 5}, new Flatten(0, 2).forward(Tensor.zeros(2, 3, 4, 5)).shape());
        // torch: nn.MaxPool2d(3, 2, 1) and nn.AvgPool2d(3, 2, 1) on arange(20).reshape(1, 1, 4, 5)
        Tensor img = Tensor.arange(20).reshape(1, 1, 4, 5);
        assertArrayEquals(new float[] {6, 8, 9, 16, 18, 19}, new MaxPool2d(3, 2, 1).forward(img).toFloatArray());
        assertArrayEquals(new float[] {1.3333f, 3, 2.6667f, 7, 12, 9}, new AvgPool2d(3, 2, 1).forward(img).toFloatArray(), 1e-4f);
        assertArrayEquals(new float[] {3, 4.5f, 6, 10.5f, 12, 13.5f, 15.5f, 17, 18.5f},
                new AvgPool2d(new int[] {3}, new int[] {2}, new int[] {1}, true, false).forward(img).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {11, 13, 18, 20, 25, 27, 32, 34, 39, 41},
                new MaxPool2d(new int[] {2, 3}, new int[] {1, 2}, new int[] {0}, new int[] {1, 2}, false)
                        .forward(Tensor.arange(42).reshape(1, 6, 7)).toFloatArray());
    }

    @Test
    @DisplayName("Dropout is the identity in eval mode; in training it zeroes about p and scales the rest by 1/(1-p)")
    void dropout() {
        Dropout d = new Dropout(0.25);
        Tensor x = Tensor.ones(10000);
        d.eval();
        assertSame(x, d.forward(x));
        d.train();
        Tensor.manualSeed(1);
        float[] y = d.forward(x).toFloatArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) zeros++;
            else assertEquals(1 / 0.75f, v, 1e-6f);
        }
        assertTrue(Math.abs(zeros - 2500) < 200, zeros + " zeros, about 2500 expected");
        assertThrows(ValueError.class, () -> new Dropout(1.5));
    }

    @Test
    @DisplayName("Sequential applies its layers in order, names them 0, 1, ... and indexes like Python")
    void sequential() {
        Tensor.manualSeed(0);
        Linear a = new Linear(4, 3);
        Linear b = new Linear(3, 2);
        Sequential s = new Sequential(a, new ReLU(), b);
        Tensor x = Tensor.randn(5, 4);
        assertTrue(s.forward(x).allclose(b.forward(a.forward(x).relu())));
        assertSame(b, s.get(-1));
        assertEquals(3, s.size());
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(3));
        s.append(new Tanh());
        assertEquals(4, s.size());
    }
}
