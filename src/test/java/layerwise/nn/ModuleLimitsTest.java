package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import layerwise.interop.ModuleFactory;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.Test;

/**
 * Sizes from constructor arguments or metadata that would overflow an int are named, not wrapped; every
 * module keeps a 0-d input 0-d, as PyTorch does; the pool options return_indices and divisor_override.
 */
class ModuleLimitsTest {

    @Test
    void gateRowsBeyondAnIntAreNamed() {
        // 4 * 536870912 = 2^31 wrapped to -2147483648 and was reported as a negative dimension
        ShapeError lstm = assertThrows(ShapeError.class, () -> new LSTM(3, 536870912));
        assertEquals("LSTM with hidden_size=536870912 needs weights of 2147483648 rows (4 gates x hidden_size), more"
                + " than the largest tensor dimension, 2147483647", lstm.torchMessage());
        assertTrue(lstm.getMessage().contains("Fix: use a hidden_size of at most 536870911"), lstm.getMessage());
        ShapeError cell = assertThrows(ShapeError.class, () -> new GRUCell(3, 715827883));
        assertTrue(cell.torchMessage().startsWith("GRUCell with hidden_size=715827883 needs weights of 2147483649 rows"),
                cell.torchMessage());
    }

    @Test
    void aHugeDilationFromMetadataIsNamed() {
        for (String padding : new String[] {"0", "same"}) {
            Map<String, String> metadata = Map.of("module", "Conv2d", "in_channels", "1", "out_channels", "1",
                    "kernel_size", "3", "stride", "1", "padding", padding, "dilation", "2000000000", "groups", "1",
                    "bias", "true", "padding_mode", "zeros");
            // 'same' is refused when the layer is built, numeric padding when it runs
            ShapeError e = assertThrows(ShapeError.class, () -> ((TensorModule) ModuleFactory.fromMetadata(metadata))
                    .forward(Tensor.zeros(1, 1, 5, 5)));
            assertTrue(e.torchMessage().endsWith("would be 4000000000, more than the largest size, 2147483647")
                    || e.torchMessage().endsWith("would be 4000000001, more than the largest size, 2147483647"),
                    padding + ": " + e.torchMessage());
        }
    }

    @Test
    void everyModuleKeepsAZeroDimInputZeroDim() {
        Tensor x = Tensor.scalar(-1.5f);
        Dropout training = new Dropout(0.5);
        training.train();
        for (TensorModule m : new TensorModule[] {new ReLU(), new LeakyReLU(0.2), new Tanh(), new Sigmoid(),
            new Dropout(0.5), training, new Sequential(new ReLU(), new Tanh()), new Sequential()}) {
            assertArrayEquals(new int[0], m.forward(x).shape(), m.toString());
        }
        assertEquals(-0.3f, new LeakyReLU(0.2).forward(x).item(), 1e-7);
        assertArrayEquals(new int[] {1}, new Flatten(0, -1).forward(x).shape());
    }

    @Test
    void maxPoolReturnsTheIndicesPyTorchDoes() {
        // [[1, 5, 2], [7, 3, 7], [0, 9, 9]] with 2x2 windows, stride 1: the first largest value wins
        Tensor x = Tensor.of(new float[] {1, 5, 2, 7, 3, 7, 0, 9, 9}, 1, 1, 3, 3);
        MaxPool2d pool = new MaxPool2d(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {1}, true, false);
        MaxPool2d.WithIndices r = pool.forwardWithIndices(x);
        assertArrayEquals(new float[] {7, 7, 9, 9}, r.output().toFloatArray());
        assertArrayEquals(new float[] {3, 5, 7, 7}, r.indices().toFloatArray());
        assertArrayEquals(r.output().toFloatArray(), pool.forward(x).toFloatArray());
        assertTrue(pool.returnIndices());
        assertEquals("MaxPool2d(kernel_size=2, stride=1, padding=0, dilation=1, ceil_mode=False)", pool.toString());
    }

    @Test
    void avgPoolDivisorOverrideDividesEverySum() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        AvgPool2d pool = new AvgPool2d(new int[] {2}, null, new int[] {1}, false, false, 3);
        // padding 1: windows hold {1}, {2}, {3}, {4}; each sum divided by 3 whatever count_include_pad says
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f, 3 / 3f, 4 / 3f}, pool.forward(x).toFloatArray());
        ValueError zero = assertThrows(ValueError.class,
                () -> new AvgPool2d(new int[] {2}, null, new int[] {0}, false, true, 0).forward(x));
        assertEquals("divisor must be not zero", zero.torchMessage());
    }

    @Test
    void metadataAskingForInPlaceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleFactory.fromMetadata(Map.of("module", "ReLU", "inplace", "true")));
        assertTrue(e.getMessage().startsWith("metadata: ReLU(inplace=True) is not supported"), e.getMessage());
    }

    @Test
    void aLayerTooBigForTheHeapIsRefusedWithItsShape() {
        long max = Runtime.getRuntime().maxMemory();
        // a square weight with more float32 bytes than the whole heap (the build runs tests with -Xmx2g)
        int side = (int) Math.ceil(Math.sqrt(max / 4.0)) + 64;
        org.junit.jupiter.api.Assumptions.assumeTrue((long) side * side <= Integer.MAX_VALUE, "heap below 8 GB");
        ShapeError e = assertThrows(ShapeError.class, () -> new Linear(side, side));
        assertTrue(e.getMessage().contains("A tensor of shape [" + side + ", " + side + "] holds"), e.getMessage());
        assertTrue(e.getMessage().contains("LAYERWISE_HEAP="), e.getMessage());
    }

    @Test
    void aRecurrentLayerWithTooManyLayersIsRefusedBeforeAllocating() {
        // 2e9 layers of LSTM(3, 4): 160 parameters a layer, counted in long, refused before the first tensor
        ShapeError e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(ShapeError.class,
                        () -> new LSTM(3, 4, RNNBase.options().numLayers(2_000_000_000))));
        assertEquals("DefaultCPUAllocator: can't allocate memory: you tried to allocate 1279999999936 bytes."
                + " Error code 12 (Cannot allocate memory)", e.torchMessage());
        assertTrue(e.getMessage().contains("LSTM(3, 4, num_layers=2000000000)'s parameters are 319999999984 float32"
                + " values, 4 bytes each: 1279999999936 bytes (1192.1 GiB). This Java process may use at most "),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  Fix: use fewer layers (num_layers is 2000000000"), e.getMessage());
        // the count matches numParameters() where the layer can be built
        LSTM small = new LSTM(3, 4, RNNBase.options().numLayers(3).bidirectional(true).projSize(2));
        assertTrue(small.numParameters() > 0);
    }
}
