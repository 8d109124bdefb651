package layerwise.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./workbook handout DIR}: writes the learner's copy of the project into DIR, without the answers and
 * without the git history (which would hold every answer ever committed). The copy builds, runs and passes
 * {@code ./mvnw verify}: the tests that need the answers skip themselves when the folders are absent.
 * Exit status 0 when the copy is written, 1 when a file in it has the content of an answer file, 2 for bad usage.
 */
final class HandoutCommand {
    /**
     * The folders that hold answers, relative to the project root: the reference solutions, the hostile answers
     * the grader is tested with, and the class submissions of the class-grading tests (absent until they exist).
     */
    static final List<Path> ANSWERS = List.of(
            GradeCommand.SOLUTIONS,
            Path.of("src", "test", "resources", "hostile"),
            Path.of("src", "test", "resources", "class"));

    /** Everything left out of the copy, with the reason the summary gives; the answer folders are among them. */
    static final List<LeftOut> LEFT_OUT = leftOut();

    /** A path (a file or a folder, relative to the project root) that the copy leaves out, and why. */
    record LeftOut(Path path, String why) {
    }

    /** What a handout wrote: the number of files copied and the files that repeat an answer file's content. */
    record Copy(int files, List<String> leaks) {
    }

    private HandoutCommand() {
    }

    private static List<LeftOut> leftOut() {
        List<LeftOut> all = new ArrayList<>(List.of(
                new LeftOut(Path.of(".git"), "the history, which holds every answer ever committed"),
                new LeftOut(Path.of("target"), "build output; it holds copies of the test resources, answers included"),
                new LeftOut(Path.of("out"), "plots and grade reports of your own runs")));
        for (Path answers : ANSWERS) {
            all.add(new LeftOut(answers, switch (answers.getFileName().toString()) {
                case "solutions" -> "the reference solutions";
                case "hostile" -> "wrong and hostile answers the grader is tested with";
                default -> "submissions the class-grading tests use";
            }));
        }
        return List.copyOf(all);
    }

    static int main(String[] args) throws IOException {
        if (args.length != 1 || args[0].startsWith("-")) {
            throw new Command.UsageError("give the folder to write the learner's copy into (a new or empty folder)");
        }
        Path project = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(project.resolve("pom.xml")) || !Files.isRegularFile(project.resolve("workbook"))) {
            throw new Command.UsageError(project + " is not the workbook's project root; run ./workbook handout DIR");
        }
        Path dir = CallerPaths.resolve(args[0]).toAbsolutePath().normalize();
        checkTarget(project, dir, args[0]);

        Copy copy = write(project, dir);
        System.out.print(summary(project, dir, copy));
        if (!copy.leaks().isEmpty()) {
            System.out.println();
            System.out.println("WARNING: the copy holds answers. These files have the content of an answer file:");
            copy.leaks().forEach(leak -> System.out.println("  " + leak));
            System.out.println("Put the stubs back (git checkout " + GradeCommand.EXERCISES + " if that is where they are),"
                    + " delete " + dir + " and run ./workbook handout again.");
            return 1;
        }
        return 0;
    }

    /** DIR must be new or an empty folder, and outside the project (else the copy would copy itself). */
    private static void checkTarget(Path project, Path dir, String typed) throws IOException {
        if (realPath(dir).startsWith(realPath(project))) {
            throw new Command.UsageError("'" + typed + "' is inside the project (" + project + "); give a folder outside it,"
                    + " e.g. ../layerwise-handout");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir)) {
                throw new Command.UsageError("'" + typed + "' exists and is not a folder; give a new folder or an empty one");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new Command.UsageError("'" + typed + "' is not empty; give a new folder or an empty one,"
                            + " so nothing of yours is mixed into the learner's copy");
                }
            }
        }
    }

    /** The path with symbolic links resolved as far as it exists (DIR itself usually does not exist yet). */
    private static Path realPath(Path p) throws IOException {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return p;
        return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    }

    /** Copies the project into {@code dir} (created if needed), then looks for answers in the copy. */
    static Copy write(Path project, Path dir) throws IOException {
        Files.createDirectories(dir);
        int[] files = {0};
        Files.walkFileTree(project, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(project) && isLeftOut(project.relativize(d))) return FileVisitResult.SKIP_SUBTREE;
                Files.createDirectories(dir.resolve(project.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path relative = project.relativize(f);
                if (isLeftOut(relative)) return FileVisitResult.CONTINUE;
                Path to = dir.resolve(relative.toString());
                // a symbolic link is copied as a link; a file with its permissions, so workbook and mvnw stay executable
                Files.copy(f, to, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile()) keepPermissions(f, to);
                files[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return new Copy(files[0], leaks(project, dir));
    }

    /**
     * True for a path the copy leaves out: one of {@link #LEFT_OUT}; a second build folder, {@code target-NAME}
     * (the pom's {@code -DbuildDir=target-NAME}), which holds the answers as {@code target/} does; and the
     * {@code .orig} and {@code .rej} files that merges and patches leave behind, which may hold answers too.
     */
    static boolean isLeftOut(Path relative) {
        for (LeftOut l : LEFT_OUT) {
            if (relative.equals(l.path())) return true;
        }
        String name = relative.getFileName().toString();
        if (relative.getNameCount() == 1 && name.startsWith("target-")) return true;
        return name.endsWith(".orig") || name.endsWith(".rej");
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } else if (Files.isExecutable(from) && !to.toFile().setExecutable(true)) {
            throw new IOException("could not make " + to + " executable");
        }
    }

    /**
     * The safety net: files of the copy with the same content as a file of the answer folders, e.g. a solution
     * saved over a stub in jshell-scripts/exercises. Empty files are not compared (they give nothing away).
     */
    static List<String> leaks(Path project, Path copy) throws IOException {
        Map<String, List<Path>> answers = new LinkedHashMap<>();
        for (Path folder : ANSWERS) {
            for (Path f : regularFiles(project.resolve(folder.toString()))) {
                answers.computeIfAbsent(digest(f), k -> new ArrayList<>()).add(project.relativize(f));
            }
        }
        List<String> leaks = new ArrayList<>();
        if (answers.isEmpty()) return leaks;
        for (Path f : regularFiles(copy)) {
            List<Path> same = answers.get(digest(f));
            if (same != null) leaks.add(copy.relativize(f) + " has the content of " + same.get(0));
        }
        return leaks;
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).filter(HandoutCommand::notEmpty).sorted().toList();
        }
    }

    private static boolean notEmpty(Path p) {
        try {
            return Files.size(p) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path f) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String summary(Path project, Path dir, Copy copy) {
        StringBuilder sb = new StringBuilder();
        sb.append("Wrote the learner's copy of ").append(project).append(" to ").append(dir)
                .append(": ").append(copy.files()).append(" files.\n");
        sb.append("Left out:\n");
        for (LeftOut l : LEFT_OUT) {
            boolean present = Files.exists(project.resolve(l.path().toString()), LinkOption.NOFOLLOW_LINKS);
            sb.append(String.format("  %-30s %s%s%n", l.path(), l.why(),
                    present ? "" : " (not in this project)"));
        }
        sb.append(String.format("  %-30s %s%n", "target-*", "other build folders (-DbuildDir=target-NAME)"));
        sb.append(String.format("  %-30s %s%n", "*.orig, *.rej", "what merges and patches leave behind"));
        sb.append("Next:\n");
        sb.append("  cd ").append(dir).append(" && ./workbook   the learner's workbook (it builds on its first start)\n");
        sb.append("  ./mvnw verify there passes; the tests that need the answers are skipped\n");
        sb.append("  The copy has no git history (no repository at all): git init it if you hand it out as one.\n");
        return sb.toString();
    }
}
