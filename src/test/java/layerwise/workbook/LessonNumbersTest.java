package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the prose says is what the screen shows: lesson times agree with the README, lesson 10's numbers with its run. */
class LessonNumbersTest {

    @Test
    @DisplayName("every lesson's time is the same in its prose and in README's lesson table")
    void timesAgree() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (Lesson lesson : Lesson.all()) {
            Matcher row = Pattern.compile("(?m)^\\| " + lesson.number() + " \\| `" + lesson.name() + "`.*\\| (\\d+) min \\|$").matcher(readme);
            assertTrue(row.find(), "README's lesson table has a row with a time for " + lesson.name());
            Matcher prose = Pattern.compile("\\*\\*Time:\\*\\* about (\\d+) minutes")
                    .matcher(Files.readString(lesson.prose(), StandardCharsets.UTF_8));
            assertTrue(prose.find(), lesson.prose() + " gives its time");
            assertEquals(row.group(1), prose.group(1), lesson.name() + ": minutes in README vs in the prose");
        }
    }

    @Test
    @DisplayName("lessons 01 and 03 show the Java form beside PyTorch's where Java cannot take the spelling")
    void javaFormsBesidePyTorchs() throws IOException {
        String l01 = Files.readString(Path.of("lessons", "01-tensors.md"), StandardCharsets.UTF_8);
        for (String row : List.of("| `x.T` | `x.T()` |", "| `x.mT` | `x.mT()` |", "| `x.dtype` | `x.dtype()` |",
                "| `x.device` | `x.device()` |", "| `x.to(\"cpu\")` | `x.to(\"cpu\")` |")) {
            assertTrue(l01.contains(row), "lesson 01 maps " + row);
        }
        String s01 = Files.readString(Path.of("jshell-scripts", "01-tensors.jsh"), StandardCharsets.UTF_8);
        assertTrue(s01.contains("m23.T()") && s01.contains("x.mT()") && s01.contains("x.dtype()") && s01.contains("x.to(\"cpu\")"));
        String l03 = Files.readString(Path.of("lessons", "03-initialization.md"), StandardCharsets.UTF_8);
        assertTrue(l03.contains("| `nn.init.kaiming_normal_(w, mode=\"fan_out\")` | `Init.kaimingNormal(w, 0, \"fan_out\")` |"), "lesson 03");
        assertTrue(Files.readString(Path.of("jshell-scripts", "03-initialization.jsh"), StandardCharsets.UTF_8)
                .contains("Init.kaimingNormal(Tensor.empty(256, 128), 0, \"fan_out\")"));
    }

    /** ./workbook run 10 on this class path, with the given kernels; its output. */
    private static String runLesson10(String kernels) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "workbook", "run", "10"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LAYERWISE_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dlayerwise.kernels=" + kernels
                + " -Dlayerwise.out=" + Path.of("target", "out").toAbsolutePath());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "./workbook run 10 did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    @ParameterizedTest(name = "kernels={0}")
    @CsvSource({"fast, 0.0, 0.000e+00, 0.000e+00 0.000e+00 5.960e-08",
            "plain, 2.3841858E-7, 2.384e-07, 1.192e-07 4.768e-07 0.000e+00"})
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "./workbook is a bash script")
    @DisplayName("lesson 10 prints, with each kernel, the difference its prose and comments give for that kernel")
    void lesson10UnderEachKernel(String kernels, String worst, String parity, String gradients) throws Exception {
        // ./workbook adds the Vector API module, so "fast" is SIMD with fused multiply-adds here
        String out = runLesson10(kernels);
        assertTrue(out.contains("largest difference from PyTorch's output: " + worst + "\n"), out);
        assertTrue(out.contains("the plain loops' largest difference: 2.3841858E-7\n"), out);
        assertTrue(out.contains("linear_2d.safetensors max_abs_err=" + parity + "\n"), out);

        String prose = Files.readString(Path.of("lessons", "10-pytorch-interop.md"), StandardCharsets.UTF_8);
        String script = Files.readString(Path.of("jshell-scripts", "10-pytorch-interop.jsh"), StandardCharsets.UTF_8);
        assertTrue(prose.contains("`largest difference from PyTorch's output: " + worst + "`"), "the prose gives " + worst);
        assertTrue(prose.contains("max_abs_err=" + parity), "the prose gives parity's " + parity);
        String[] grads = gradients.split(" ");
        List<String> names = List.of("grad.input", "grad.weight", "grad.bias");
        for (int i = 0; i < 3; i++) {
            assertTrue(out.contains("linear_2d.safetensors " + names.get(i) + " max_abs_err=" + grads[i] + "\n"), out);
        }
        String shown = kernels.equals("fast")
                ? "grad.input max_abs_err=" + grads[0] + "\n" + "PASS src/test/resources/fixtures/pytorch-1.13/linear_2d.safetensors"
                + " grad.weight max_abs_err=" + grads[1] + "\n" + "PASS src/test/resources/fixtures/pytorch-1.13/linear_2d.safetensors"
                + " grad.bias max_abs_err=" + grads[2]
                : "`" + grads[0] + "`, `" + grads[1] + "`\nand `" + grads[2] + "`";
        assertTrue(prose.contains(shown), "the prose gives parity's gradient errors " + gradients);
        assertTrue(script.contains("// ==> " + worst + " with") || script.contains("//     " + worst + " with"),
                "the script's comment gives " + worst);
    }
}
