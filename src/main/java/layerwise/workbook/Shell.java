package layerwise.workbook;

import jdk.jshell.tool.JavaShellToolBuilder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts JShell for {@code ./workbook} with the arguments the {@code jshell} command would get, in a feedback
 * mode that shows values whole.
 *
 * <p>JShell's {@code normal} mode cuts any value longer than 1000 characters in the middle, so a model summary
 * or a big {@code Sequential} typed at the prompt is shown mangled. Predefined modes are read-only and
 * feedback modes do not exist yet while startup files run, so the mode cannot be made there. What JShell
 * does offer is retained modes ({@code /set mode -retain}), read from its persistent store when it starts.
 * This class first runs the tool on a few {@code /set} commands with an in-memory store, so that this JDK
 * itself encodes a copy of {@code normal} with a larger truncation; then it starts the interactive tool
 * with a store that holds that mode and otherwise reads and writes JShell's usual preferences (history,
 * editor, retained start-up), so nothing else changes. The mode is never written to the user's settings.
 * If the first step fails, JShell starts exactly as before, in {@code normal}.
 *
 * <p>Values whole would make a {@code float[]} of 100,000 numbers 100 KB of screen. JShell's feedback modes
 * cannot tell an array from a summary (truncation depends only on the kind of snippet), so the tool runs on
 * {@link PreviewExecution}, which turns long arrays and lists into a preview with their count as PyTorch
 * does for tensors, and leaves every other value whole.
 */
public final class Shell {
    /** The feedback mode's name, as {@code /set feedback} shows it. */
    static final String MODE = "workbook";
    /** Values up to this many characters are shown whole. */
    static final int TRUNCATION = 100_000;
    /** Where the jshell command keeps its preferences (the tool's default store). */
    private static final String JSHELL_PREFERENCES = "tool/JShell";

    private Shell() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> mode = retainedMode();
        var tool = JavaShellToolBuilder.builder();
        if (!mode.isEmpty()) tool.persistence(new Overlay(mode, Preferences.userRoot().node(JSHELL_PREFERENCES)));
        System.exit(tool.start(withTerminal(withPreviews(expandClassPath(args)), System.console() != null)));
    }

    /**
     * The arguments with {@code -R-Dlayerwise.terminal=true} when JShell runs in a terminal: the learner's code
     * runs in a second JVM whose output is a pipe, so it cannot see the console itself, and a training
     * {@code Progress} line redraws in place only on a terminal.
     */
    static String[] withTerminal(String[] args, boolean terminal) {
        if (!terminal) return args;
        String[] out = Arrays.copyOf(args, args.length + 1);
        out[args.length] = "-R-Dlayerwise.terminal=true";
        return out;
    }

    /**
     * The arguments with {@code --execution workbook} ({@link PreviewExecution}: JShell's own engine, long
     * arrays and lists shown as a preview) unless they choose an engine themselves.
     */
    static String[] withPreviews(String[] args) {
        for (String a : args) if (a.equals("--execution") || a.startsWith("--execution=")) return args;
        String[] out = Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--execution";
        out[args.length + 1] = PreviewExecution.NAME;
        return out;
    }

    /**
     * The arguments with the {@code --class-path} value's {@code dir/*} entries replaced by the jars in
     * {@code dir}, as the {@code jshell} command's launcher expands them before the tool sees them.
     */
    static String[] expandClassPath(String[] args) {
        String[] out = args.clone();
        for (int i = 0; i + 1 < out.length; i++) {
            if (!out[i].equals("--class-path")) continue;
            out[i + 1] = Arrays.stream(out[i + 1].split(File.pathSeparator, -1))
                    .flatMap(Shell::jarsFor).collect(Collectors.joining(File.pathSeparator));
        }
        return out;
    }

    private static Stream<String> jarsFor(String entry) {
        if (!entry.equals("*") && !entry.endsWith(File.separator + "*") && !entry.endsWith("/*")) return Stream.of(entry);
        Path dir = Path.of(entry.substring(0, entry.length() - 1).isEmpty() ? "." : entry.substring(0, entry.length() - 1));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .map(Path::toString).sorted().toList().stream();
        } catch (IOException e) {
            return Stream.of(entry); // JShell names the entry it cannot find
        }
    }

    /**
     * The store entries (the retained mode and the feedback choice) that make JShell start in {@link #MODE},
     * as this JDK's tool writes them; empty when the tool refused the commands.
     */
    static Map<String, String> retainedMode() {
        String commands = String.join("\n",
                "/set mode " + MODE + " normal -command",
                "/set truncation " + MODE + " " + TRUNCATION,
                "/set mode " + MODE + " -retain",
                "/set feedback " + MODE + " -retain",
                "/exit", "");
        Map<String, String> store = new HashMap<>();
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        try {
            int status = JavaShellToolBuilder.builder()
                    .in(new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)), null)
                    .out(quiet).err(quiet).persistence(store)
                    .start("--no-startup", "--execution", "local", "-q");
            if (status != 0 || !MODE.equals(store.get("FEEDBACK"))) return Map.of();
        } catch (Exception e) {
            return Map.of();
        }
        // The commands themselves went into the input history: keep only the settings.
        return store.entrySet().stream().filter(e -> !e.getKey().startsWith("HISTORY"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** JShell's store: the workbook's mode entries held in memory, every other key read from and written to {@code prefs}. */
    static final class Overlay extends AbstractMap<String, String> {
        private final Set<String> owned;
        private final Map<String, String> mode;
        private final Preferences prefs;

        Overlay(Map<String, String> mode, Preferences prefs) {
            this.owned = Set.copyOf(mode.keySet());
            this.mode = new HashMap<>(mode);
            this.prefs = prefs;
        }

        @Override
        public String get(Object key) {
            return owned.contains(key) ? mode.get(key) : prefs.get((String) key, null);
        }

        @Override
        public String put(String key, String value) {
            String old = get(key);
            if (owned.contains(key)) mode.put(key, value);
            else prefs.put(key, value);
            return old;
        }

        @Override
        public String remove(Object key) {
            String old = get(key);
            if (owned.contains(key)) mode.remove(key);
            else prefs.remove((String) key);
            return old;
        }

        @Override
        public Set<String> keySet() {
            Set<String> keys = new LinkedHashSet<>(mode.keySet());
            try {
                keys.addAll(Set.of(prefs.keys()));
            } catch (BackingStoreException e) {
                throw new IllegalStateException("cannot read JShell's preferences", e);
            }
            return keys;
        }

        @Override
        public void clear() {
            mode.clear();
            try {
                prefs.clear();
            } catch (BackingStoreException e) {
                throw new IllegalStateException("cannot clear JShell's preferences", e);
            }
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return keySet().stream().filter(k -> get(k) != null).map(k -> Map.entry(k, get(k))).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
