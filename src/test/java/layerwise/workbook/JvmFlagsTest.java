package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import layerwise.io.JvmFlags;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags have one source, layerwise/io/jvm-flags.properties: both launchers read it, pom.xml's test
 * runs use the same flags, and no launcher writes one of them out itself.
 */
class JvmFlagsTest {
    private static final List<String> KEYS = List.of("vector", "quiet", "headless", "jdk24");

    @Test
    @DisplayName("the file has the four flags")
    void fourFlags() {
        for (String key : KEYS) assertTrue(JvmFlags.get(key).startsWith("-"), key + " = " + JvmFlags.get(key));
    }

    @Test
    @DisplayName("neither launcher spells a flag of the file itself: both read it from the file")
    void launchersReadTheFile() throws IOException {
        for (Map.Entry<String, String> launcher : Map.of("workbook", "#", "workbook.cmd", "rem").entrySet()) {
            String text = Files.readString(Path.of(launcher.getKey()), StandardCharsets.UTF_8);
            assertTrue(text.contains("jvm-flags.properties"), launcher.getKey() + " does not read jvm-flags.properties");
            for (String line : text.split("\\R")) {
                String code = line.strip();
                if (code.startsWith(launcher.getValue())) continue; // a comment
                for (String key : KEYS) {
                    String flag = JvmFlags.get(key);
                    String written = flag.contains("=") && !flag.startsWith("-D") ? flag.substring(0, flag.indexOf('=')) : flag;
                    assertFalse(code.contains(written), launcher.getKey() + " writes " + written + " itself: " + code);
                }
                assertFalse(code.contains("jdk.incubator.vector") && !code.contains("WARNING"),
                        launcher.getKey() + " names the Vector API module itself: " + code);
            }
        }
        String cmd = Files.readString(Path.of("workbook.cmd"));
        assertTrue(cmd.contains("layerwise.workbook.Shell"), "workbook.cmd starts JShell as ./workbook does, through Shell");
    }

    @Test
    @DisplayName("./workbook puts the file's flags on the JVMs it starts (the command it would run)")
    void bashLauncherUsesThem() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        String commands = launch() + "\n" + launch("help");
        for (String key : List.of("vector", "quiet")) {
            assertTrue(commands.contains(JvmFlags.get(key)), key + " missing from: " + commands);
        }
        String command = launch("help");
        assertTrue(command.contains(JvmFlags.get("headless")), command);
        assertTrue(launch().contains("-R" + JvmFlags.get("quiet")), "JShell's remote VM gets the quiet flag");
    }

    private static String launch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", "workbook"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LAYERWISE_CLASSPATH", "target/classes");
        pb.environment().put("LAYERWISE_PRINT_COMMAND", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    @DisplayName("pom.xml's test runs use the file's flags: all of them with SIMD, all but the module for the scalar run")
    void pomAgrees() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String flags = property(pom, "workbook.jvmFlags") + " " + property(pom, "workbook.vectorFlag");
        for (String key : List.of("vector", "quiet", "headless")) {
            assertTrue(flags.contains(JvmFlags.get(key)), "pom.xml's workbook.jvmFlags lacks " + JvmFlags.get(key) + ": " + flags);
        }
        assertTrue(pom.contains("<workbook.unsafeFlag>" + JvmFlags.get("jdk24") + "</workbook.unsafeFlag>"),
                "the jdk24+ profile sets " + JvmFlags.get("jdk24"));
        Matcher scalar = Pattern.compile("<id>scalar-kernels</id>.*?<argLine>(.*?)</argLine>", Pattern.DOTALL).matcher(pom);
        assertTrue(scalar.find(), "the scalar-kernels execution");
        assertTrue(scalar.group(1).contains(JvmFlags.get("quiet")) && scalar.group(1).contains(JvmFlags.get("headless")), scalar.group(1));
        assertFalse(scalar.group(1).contains("vector"), "the scalar run has no Vector API: " + scalar.group(1));
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">(.*?)</" + Pattern.quote(name) + ">").matcher(pom);
        return m.find() ? m.group(1) : "";
    }
}
