package layerwise.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code out/index.html}: every lesson's pictures on one page, grouped by lesson, each with a one-line
 * caption. A picture belongs to lesson NN when its file is named {@code NN-*.png}; its caption is the
 * start of the lesson's own description of it (the bullet {@code - `out/NN-x.png` — caption. More...}
 * in {@code lessons/NN-topic.md}), so the page and the prose cannot tell different stories.
 */
final class Gallery {
    static final String PAGE = "index.html";
    private static final Pattern BULLET = Pattern.compile("^- `out/([A-Za-z0-9._-]+\\.png)` — (.*)$");

    /** One picture: its file name (relative to the page) and caption. */
    record Picture(String file, String caption) {
    }

    /** One lesson's section: "02", "02 · Linear: y = x Wᵀ + b", the prose file relative to the page, its pictures. */
    record Section(String number, String title, String prose, List<Picture> pictures) {
    }

    private Gallery() {
    }

    /**
     * Writes the page into {@code outDir} from the PNGs there, for the lessons given; returns the page, or
     * nothing when no lesson has a picture.
     */
    static java.util.Optional<Path> write(Path outDir, List<Lesson> lessons) {
        List<Section> sections = sections(outDir, lessons);
        if (sections.isEmpty()) return java.util.Optional.empty();
        Path page = outDir.resolve(PAGE);
        try {
            Files.writeString(page, html(sections, outDir), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + page, e);
        }
        return java.util.Optional.of(page);
    }

    static List<Section> sections(Path outDir, List<Lesson> lessons) {
        List<String> pngs = new ArrayList<>();
        if (Files.isDirectory(outDir)) {
            try (Stream<Path> files = Files.list(outDir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().forEach(pngs::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + outDir, e);
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Lesson lesson : lessons) {
            List<String> mine = pngs.stream().filter(n -> n.startsWith(lesson.number() + "-")).toList();
            if (mine.isEmpty()) continue;
            Path prose = lesson.prose();
            Map<String, String> captions = captions(prose);
            List<Picture> pictures = new ArrayList<>();
            // in the order the prose describes them, then any the prose does not mention
            captions.keySet().stream().filter(mine::contains).forEach(f -> pictures.add(new Picture(f, captions.get(f))));
            mine.stream().filter(f -> !captions.containsKey(f))
                    .forEach(f -> pictures.add(new Picture(f, f.substring(0, f.length() - 4))));
            String title = title(prose).orElse(lesson.name());
            sections.add(new Section(lesson.number(), title, relative(outDir, prose), pictures));
        }
        return sections;
    }

    /** File name to caption, from the lesson's bullets, in the prose's order. */
    static Map<String, String> captions(Path prose) {
        Map<String, String> captions = new LinkedHashMap<>();
        List<String> lines = lines(prose);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = BULLET.matcher(lines.get(i).strip());
            if (!m.matches()) continue;
            StringBuilder text = new StringBuilder(m.group(2));
            // a bullet goes on over the indented lines below it
            for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("  ") && !lines.get(j).isBlank(); j++) {
                text.append(' ').append(lines.get(j).strip());
            }
            captions.putIfAbsent(m.group(1), caption(text.toString()));
        }
        return captions;
    }

    /**
     * The first sentence, without Markdown backticks, whole however long: a caption cut short would say
     * less than the prose and leave the rest nowhere on the page.
     */
    static String caption(String text) {
        String s = text.replace("`", "").strip();
        int end = s.indexOf(". ");
        if (end >= 0) s = s.substring(0, end);
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static java.util.Optional<String> title(Path prose) {
        return lines(prose).stream().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).replace("`", "").strip());
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String html(List<Section> sections, Path outDir) {
        StringBuilder b = new StringBuilder();
        int count = sections.stream().mapToInt(s -> s.pictures().size()).sum();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Layerwise: the lessons' pictures</title>\n<style>\n")
                .append("body { font-family: sans-serif; margin: 1.5em auto; max-width: 1400px; padding: 0 1em; color: #222; }\n")
                .append("nav a { margin-right: 1em; }\n")
                .append("section { border-top: 1px solid #ccc; margin-top: 1.5em; }\n")
                .append("figure { margin: 1em 0 2em; }\n")
                .append("img { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }\n")
                .append("figcaption { margin-top: .4em; }\n")
                .append("code { background: #f4f4f4; padding: 0 .2em; }\n</style>\n</head>\n<body>\n")
                .append("<h1>Layerwise: the lessons' pictures</h1>\n<p>").append(count)
                .append(count == 1 ? " picture" : " pictures").append(" written by <code>./workbook run</code> into <code>")
                .append(escape(outDir.toString())).append("</code>, grouped by lesson.</p>\n<nav>");
        for (Section s : sections) b.append("<a href=\"#lesson-").append(s.number()).append("\">").append(s.number()).append("</a>");
        b.append("</nav>\n");
        for (Section s : sections) {
            b.append("<section id=\"lesson-").append(s.number()).append("\">\n<h2>").append(escape(s.title()))
                    .append("</h2>\n<p>Prose: <a href=\"").append(escape(s.prose())).append("\">")
                    .append(escape(s.prose())).append("</a></p>\n");
            for (Picture p : s.pictures()) {
                b.append("<figure>\n<a href=\"").append(escape(p.file())).append("\"><img src=\"").append(escape(p.file()))
                        .append("\" alt=\"").append(escape(p.caption())).append("\"></a>\n<figcaption><code>")
                        .append(escape(p.file())).append("</code> — ").append(escape(p.caption())).append("</figcaption>\n</figure>\n");
            }
            b.append("</section>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
