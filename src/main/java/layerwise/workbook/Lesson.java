package layerwise.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A lesson: {@code jshell-scripts/NN-topic.jsh} (runnable) with its prose in {@code lessons/NN-topic.md}.
 *
 * @param number two digits, "00" to "99"
 * @param name   the file name without extension, e.g. "01-tensors"
 * @param script the runnable script
 */
public record Lesson(String number, String name, Path script) {
    /** Where lesson scripts live, relative to the project root. */
    public static final Path SCRIPTS = Path.of("jshell-scripts");
    /** Where the prose lives, relative to the project root. */
    public static final Path PROSE = Path.of("lessons");

    private static final Pattern SCRIPT_NAME = Pattern.compile("(\\d\\d)-[A-Za-z0-9-]+\\.jsh");

    /** The prose file that goes with this script. */
    public Path prose() {
        return script.resolveSibling(Path.of("..", PROSE.toString(), name + ".md")).normalize();
    }

    /** Every {@code NN-topic.jsh} in {@code dir}, by number. {@code startup.jsh} and exercises are not lessons. */
    public static List<Lesson> all(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Lesson::fromScript).flatMap(Optional::stream)
                    .sorted((a, b) -> a.name.compareTo(b.name))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The lessons of the project in the working directory. */
    public static List<Lesson> all() {
        return all(SCRIPTS);
    }

    /** The lesson whose script this is, if the file name follows {@code NN-topic.jsh}. */
    public static Optional<Lesson> fromScript(Path script) {
        Matcher m = SCRIPT_NAME.matcher(script.getFileName().toString());
        if (!m.matches()) return Optional.empty();
        String file = script.getFileName().toString();
        return Optional.of(new Lesson(m.group(1), file.substring(0, file.length() - ".jsh".length()), script));
    }
}
