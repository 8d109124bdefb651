package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import layerwise.interop.ModuleFactory;
import layerwise.io.Fixture;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Linear and Conv2d case exported by PyTorch 1.13: forward within tolerance, default init bit for bit. */
class LayerParityTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13");
    static final double ATOL = 1e-5;
    static final double RTOL = 1e-4;

    static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().matches("(linear|conv2d)_.*\\.safetensors"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    @DisplayName("all 22 Linear and Conv2d fixtures are present")
    void allCasesPresent() throws IOException {
        assertEquals(22, cases().size(), cases().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("forward matches PyTorch within atol 1e-5 + rtol 1e-4")
    void forwardMatchesPyTorch(Path file) throws IOException {
        Fixture f = Fixture.read(file);
        Module m = ModuleFactory.fromMetadata(f.metadata());
        m.eval();
        m.loadStateDict(f.stateDict());
        Tensor got = ((TensorModule) m).forward(f.input());
        Tensor expected = f.output();
        assertArrayEquals(expected.shape(), got.shape(), "output shape");
        float[] a = got.toFloatArray();
        float[] b = expected.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs((double) a[i] - b[i]);
            assertTrue(err <= ATOL + RTOL * Math.abs(b[i]),
                    file.getFileName() + " element " + i + ": got " + a[i] + ", PyTorch " + b[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("default init after manualSeed(init_seed) equals PyTorch's state dict bit for bit")
    void defaultInitIsBitExact(Path file) throws IOException {
        Fixture f = Fixture.read(file);
        Tensor.manualSeed(f.initSeed());
        Module m = ModuleFactory.fromMetadata(f.metadata());
        Map<String, Tensor> mine = m.stateDict();
        assertEquals(List.copyOf(f.stateDict().keySet()), List.copyOf(mine.keySet()), "state dict keys, in order");
        f.stateDict().forEach((key, expected) -> {
            Tensor t = mine.get(key);
            assertArrayEquals(expected.shape(), t.shape(), key + " shape");
            float[] a = t.toFloatArray();
            float[] b = expected.toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(b[i]), Float.floatToRawIntBits(a[i]),
                        key + "[" + i + "]: " + a[i] + " vs PyTorch " + b[i]);
            }
        });
    }

    @Test
    @DisplayName("the plain conv2d loops match the fixtures too")
    void plainKernelMatchesFixtures() throws IOException {
        for (Path file : cases()) {
            Fixture f = Fixture.read(file);
            if (!f.module().equals("Conv2d") || !f.args().string("padding_mode").equals("zeros") || f.args().string("padding").equals("same")) {
                continue;
            }
            Module m = ModuleFactory.fromMetadata(f.metadata());
            m.loadStateDict(f.stateDict());
            Conv2d c = (Conv2d) m;
            Tensor got = layerwise.tensor.Kernels.conv2d(f.input(), c.weight, c.bias, c.stride(),
                    c.padding() == null ? new int[] {0} : c.padding(), c.dilation(), c.groups(),
                    layerwise.tensor.Kernels.Kind.PLAIN);
            assertTrue(got.allclose(f.output(), RTOL, ATOL), file.getFileName().toString());
        }
    }
}
