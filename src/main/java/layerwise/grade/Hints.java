package layerwise.grade;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Each exercise's hint ladder, from a nudge to the key formula ({@code hints.properties} beside this class:
 * {@code 2.3.1}, {@code 2.3.2}, ...), and how far up it a learner has climbed ({@code out/hints-shown.properties},
 * so {@code ./workbook hint 2.3} shows the next one each time and the grade report points at the next unread one).
 */
public final class Hints {
    private final Properties ladder = new Properties();
    private final Path shownFile;
    private final Properties shown = new Properties();

    /** The shipped hints, with the learner's progress kept in {@code shownFile}. */
    public Hints(Path shownFile) {
        try (InputStream in = Hints.class.getResourceAsStream("hints.properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            ladder.load(reader);
            this.shownFile = shownFile;
            if (Files.isRegularFile(shownFile)) {
                try (Reader r = Files.newBufferedReader(shownFile)) {
                    shown.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ladder of one exercise; empty for an unknown id. */
    public List<String> ladder(String id) {
        List<String> hints = new ArrayList<>();
        for (int i = 1; ladder.containsKey(id + "." + i); i++) hints.add(ladder.getProperty(id + "." + i));
        return hints;
    }

    /** Every exercise id with hints, in order. */
    public List<String> ids() {
        TreeMap<String, String> ids = new TreeMap<>(Hints::compareIds);
        for (String key : ladder.stringPropertyNames()) ids.put(key.substring(0, key.lastIndexOf('.')), key);
        return List.copyOf(ids.keySet());
    }

    /** How many of this exercise's hints were shown. */
    public int shown(String id) {
        return Integer.parseInt(shown.getProperty(id, "0"));
    }

    /** The next unread hint, as "hint 2/3: ...", without marking it read; the last one once all were read. */
    public Optional<String> peek(String id) {
        List<String> hints = ladder(id);
        if (hints.isEmpty()) return Optional.empty();
        int n = Math.min(shown(id) + 1, hints.size());
        return Optional.of("hint " + n + "/" + hints.size() + ": " + hints.get(n - 1));
    }

    /** Shows the next hint: returns it and remembers that it was read. */
    public Optional<String> next(String id) {
        Optional<String> hint = peek(id);
        if (hint.isPresent()) {
            shown.setProperty(id, Integer.toString(Math.min(shown(id) + 1, ladder(id).size())));
            save();
        }
        return hint;
    }

    /** Forgets which hints were shown: of one exercise, or (null) of all; the next hint is the first again. */
    public void reset(String id) {
        if (id == null) shown.clear();
        else shown.remove(id);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(shownFile.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(shownFile)) {
                shown.store(w, "hints shown by ./workbook hint, per exercise");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "2.10" after "2.9". */
    static int compareIds(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
