package layerwise.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The workbook's JVM flags, from {@code layerwise/io/jvm-flags.properties}: the one list that the launchers
 * ({@code workbook}, {@code workbook.cmd}) and the Java code that starts JVMs or compilers read, so that they
 * cannot drift apart.
 */
public final class JvmFlags {
    private JvmFlags() {
    }

    private static final Properties FLAGS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = JvmFlags.class.getResourceAsStream("jvm-flags.properties")) {
            if (in == null) throw new IllegalStateException("layerwise/io/jvm-flags.properties is missing from the class path");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The flag of one key: "vector", "quiet", "headless" or "jdk24". */
    public static String get(String key) {
        String flag = FLAGS.getProperty(key);
        if (flag == null) throw new IllegalArgumentException("no JVM flag '" + key + "' in jvm-flags.properties");
        return flag.strip();
    }

    /** The flags every JVM running workbook code gets on this JDK: quiet logging, and Unsafe allowed from JDK 24 on. */
    public static List<String> forThisJdk() {
        return Runtime.version().feature() >= 24 ? List.of(get("quiet"), get("jdk24")) : List.of(get("quiet"));
    }

    /** The compiler flags that make the Vector API visible to snippets, when this JVM has the module. */
    public static List<String> vectorForCompiler() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return List.of();
        String flag = get("vector");
        int eq = flag.indexOf('=');
        return List.of(flag.substring(0, eq), flag.substring(eq + 1)); // javac takes "--add-modules" "NAME"
    }
}
