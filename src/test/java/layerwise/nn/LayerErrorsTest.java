package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.Json;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every Linear and Conv2d mistake recorded in errors.json (PyTorch 1.13's own messages) throws a
 * ShapeError whose first line is PyTorch's text, followed by an explanation and a fix.
 */
class LayerErrorsTest {
    static final Path ERRORS = Path.of("src/test/resources/fixtures/pytorch-1.13/errors.json");

    /** Cases that can't arise here: every tensor is float32, so there is no float64 input. */
    static final Map<String, String> NOT_APPLICABLE = Map.of(
            "linear_dtype_mismatch", "float32 only");

    /** Each errors.json case, written in Java: the PyTorch code is in the case's "code" field. */
    static Map<String, Executable> javaCases() {
        Map<String, Executable> c = new LinkedHashMap<>();
        c.put("linear_wrong_in_features_2d", () -> new Linear(20, 5).forward(Tensor.randn(1, 10)));
        c.put("linear_wrong_in_features_1d", () -> new Linear(20, 5).forward(Tensor.randn(10)));
        c.put("linear_wrong_in_features_3d", () -> new Linear(20, 5).forward(Tensor.randn(2, 3, 10)));
        c.put("linear_nobias_wrong_in_features", () -> new Linear(20, 5, false).forward(Tensor.randn(4, 10)));
        c.put("linear_0d_input", () -> new Linear(1, 5).forward(Tensor.scalar(1f)));
        c.put("conv2d_wrong_in_channels", () -> new Conv2d(3, 8, 3).forward(Tensor.randn(1, 4, 10, 10)));
        c.put("conv2d_wrong_in_channels_unbatched", () -> new Conv2d(3, 8, 3).forward(Tensor.randn(4, 10, 10)));
        c.put("conv2d_wrong_in_channels_groups",
                () -> new Conv2d(4, 8, 3, Conv2d.options().groups(2)).forward(Tensor.randn(1, 6, 10, 10)));
        c.put("conv2d_kernel_too_big", () -> new Conv2d(3, 8, 5).forward(Tensor.randn(1, 3, 3, 3)));
        c.put("conv2d_kernel_too_big_padded",
                () -> new Conv2d(3, 8, 7, Conv2d.options().padding(1)).forward(Tensor.randn(1, 3, 3, 3)));
        c.put("conv2d_kernel_too_big_dilated",
                () -> new Conv2d(3, 8, 3, Conv2d.options().dilation(3)).forward(Tensor.randn(1, 3, 5, 5)));
        c.put("conv2d_2d_input", () -> new Conv2d(3, 8, 3).forward(Tensor.randn(10, 10)));
        c.put("conv2d_5d_input", () -> new Conv2d(3, 8, 3).forward(Tensor.randn(1, 1, 3, 10, 10)));
        c.put("conv2d_in_channels_not_divisible", () -> new Conv2d(3, 8, 3, Conv2d.options().groups(2)));
        c.put("conv2d_out_channels_not_divisible", () -> new Conv2d(4, 6, 3, Conv2d.options().groups(4)));
        c.put("conv2d_groups_zero", () -> new Conv2d(4, 6, 3, Conv2d.options().groups(0)));
        c.put("conv2d_same_strided", () -> new Conv2d(4, 6, 3, Conv2d.options().padding("same").stride(2)));
        c.put("conv2d_bad_padding_string", () -> new Conv2d(4, 6, 3, Conv2d.options().padding("full")));
        c.put("conv2d_bad_padding_mode", () -> new Conv2d(4, 6, 3, Conv2d.options().paddingMode("foo")));
        c.put("conv2d_reflect_pad_too_big", () -> new Conv2d(1, 1, 3, Conv2d.options().padding(3).paddingMode("reflect"))
                .forward(Tensor.randn(1, 1, 3, 3)));
        c.put("conv2d_circular_pad_too_big", () -> new Conv2d(1, 1, 3, Conv2d.options().padding(4).paddingMode("circular"))
                .forward(Tensor.randn(1, 1, 3, 3)));
        c.put("conv2d_circular_unbatched_bug", () -> new Conv2d(1, 1, 3, Conv2d.options().padding(1).paddingMode("circular"))
                .forward(Tensor.randn(1, 5, 5)));
        c.put("conv2d_negative_padding",
                () -> new Conv2d(1, 1, 3, Conv2d.options().padding(-1)).forward(Tensor.randn(1, 1, 5, 5)));
        c.put("conv2d_stride_zero",
                () -> new Conv2d(1, 1, 3, Conv2d.options().stride(0)).forward(Tensor.randn(1, 1, 5, 5)));
        c.put("conv2d_padding_3_tuple",
                () -> new Conv2d(1, 1, 3, Conv2d.options().padding(1, 1, 1)).forward(Tensor.randn(1, 1, 5, 5)));
        return c;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> layerCases() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object e : (List<Object>) Json.parseObject(ERRORS).get("errors")) {
            Map<String, Object> entry = (Map<String, Object>) e;
            String name = (String) entry.get("case");
            if (name.startsWith("linear_") || name.startsWith("conv2d_")) out.add(entry);
        }
        return out;
    }

    @Test
    @DisplayName("every Linear/Conv2d case of errors.json throws PyTorch's message first, then an explanation and a fix")
    void everyLayerCaseHasPyTorchsFirstLine() throws IOException {
        Map<String, Executable> java = javaCases();
        List<Map<String, Object>> cases = layerCases();
        assertEquals(26, cases.size(), "Linear/Conv2d cases in errors.json");
        int checked = 0;
        for (Map<String, Object> entry : cases) {
            String name = (String) entry.get("case");
            if (NOT_APPLICABLE.containsKey(name)) continue;
            Executable code = java.get(name);
            if (code == null) fail("no Java version of errors.json case " + name + ": " + entry.get("code"));
            Tensor.manualSeed(0);
            ShapeError e = assertThrows(ShapeError.class, code, name);
            assertEquals(entry.get("message"), e.torchMessage(), name + " first line");
            String[] lines = e.getMessage().split("\n");
            assertEquals(entry.get("message"), lines[0], name);
            assertTrue(lines.length == 3 && !lines[1].isBlank() && lines[2].startsWith("  Fix: "),
                    name + " needs an explanation line and a Fix line:\n" + e.getMessage());
            checked++;
        }
        assertEquals(java.size(), checked, "every Java case matched an errors.json case");
    }

    @Test
    @DisplayName("the wrong in_features fix names a Linear that works and the reshape that works")
    void linearFixNamesWorkingValues() {
        ShapeError e = assertThrows(ShapeError.class, () -> new Linear(20, 5).forward(Tensor.randn(1, 10)));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (1x10 and 20x5)\n"
                + "  Linear(in_features=20, out_features=5) expects the last input dim to be 20, got 10 (input [1, 10]).\n"
                + "  Fix: build Linear(10, 5), or reshape the input so its last dim is 20.", e.getMessage());
        assertEquals(5, new Linear(10, 5).forward(Tensor.randn(1, 10)).size(1), "the suggested layer works");
    }

    @Test
    @DisplayName("the wrong in_channels fix names a Conv2d that accepts the input")
    void conv2dChannelFixWorks() {
        ShapeError e = assertThrows(ShapeError.class,
                () -> new Conv2d(4, 8, 3, Conv2d.options().groups(2)).forward(Tensor.randn(1, 6, 10, 10)));
        assertTrue(e.getMessage().contains("Fix: build Conv2d(6, 8, 3, Conv2d.options().groups(2)) for this input"), e.getMessage());
        assertEquals(8, new Conv2d(6, 8, 3, Conv2d.options().groups(2)).forward(Tensor.randn(1, 6, 10, 10)).size(1));
        // The rebuilt layer keeps every other setting, padding and stride included.
        ShapeError padded = assertThrows(ShapeError.class,
                () -> new Conv2d(3, 16, 3, Conv2d.options().padding(1).stride(2)).forward(Tensor.randn(1, 4, 10, 10)));
        assertTrue(padded.getMessage().contains("Fix: build Conv2d(4, 16, 3, Conv2d.options().stride(2).padding(1)) for this input"),
                padded.getMessage());
    }

    @Test
    @DisplayName("the kernel-too-big fix gives a padding that makes the input large enough")
    void kernelTooBigFixWorks() {
        ShapeError e = assertThrows(ShapeError.class,
                () -> new Conv2d(3, 8, 7, Conv2d.options().padding(1)).forward(Tensor.randn(1, 3, 3, 3)));
        assertTrue(e.getMessage().contains("Fix: use padding(2)"), e.getMessage());
        assertEquals(1, new Conv2d(3, 8, 7, Conv2d.options().padding(2)).forward(Tensor.randn(1, 3, 3, 3)).size(2));
    }

    @Test
    @DisplayName("more bad arguments and inputs, with the texts PyTorch 1.13 gives for them")
    void moreConstructorMistakes() {
        // Each text was printed by torch 1.13 for the same arguments (at construction or first forward).
        Map<String, Executable> cases = new LinkedHashMap<>();
        cases.put("Trying to create tensor with negative dimension -1: [1, -1, 3, 3]", () -> new Conv2d(-1, 1, 3));
        cases.put("Trying to create tensor with negative dimension -2: [-2, 1, 3, 3]", () -> new Conv2d(1, -2, 3));
        cases.put("Trying to create tensor with negative dimension -1: [1, 1, -1, -1]", () -> new Conv2d(1, 1, -1));
        cases.put("Trying to create tensor with negative dimension -1: [3, -1]", () -> new Linear(-1, 3));
        cases.put("mat1 and mat2 shapes cannot be multiplied (4x0 and 20x5)", () -> new Linear(20, 5).forward(Tensor.zeros(4, 0)));
        cases.put("kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 0",
                () -> new Conv2d(1, 1, 0));
        cases.put("dilation should be greater than zero, but got [0, 0]",
                () -> new Conv2d(1, 1, 3, Conv2d.options().dilation(0)));
        cases.put("expected stride to be a single integer value or a list of 2 values to match the convolution "
                + "dimensions, but got stride=[1, 2, 3]", () -> new Conv2d(1, 1, 3, Conv2d.options().stride(1, 2, 3)));
        cases.forEach((text, code) -> assertEquals(text, assertThrows(ShapeError.class, code).torchMessage()));
    }
}
