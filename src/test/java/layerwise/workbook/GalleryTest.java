package layerwise.workbook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The gallery page: its links, checked without a browser, and its captions taken from the prose. */
class GalleryTest {
    @TempDir
    Path root;

    private static void png(Path file) throws IOException {
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    /** Every src="..." and href="..." of the page, in order. */
    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (m.find()) links.add(m.group(1));
        return links;
    }

    @Test
    @DisplayName("index.html: every picture of every lesson, grouped, captioned from the prose, every link resolves")
    void pageLinks() throws IOException {
        Path scripts = Files.createDirectories(root.resolve("jshell-scripts"));
        Path prose = Files.createDirectories(root.resolve("lessons"));
        Path out = Files.createDirectories(root.resolve("out"));
        Files.writeString(scripts.resolve("02-linear.jsh"), "// two\n");
        Files.writeString(scripts.resolve("05-conv2d.jsh"), "// five\n");
        Files.writeString(prose.resolve("02-linear.md"), String.join("\n",
                "# 02 · Linear: y = x Wᵀ + b", "",
                "- `out/02-b.png` — the second one, described first. It has two sentences.",
                "- `out/02-a.png` — the first one: a bullet that goes on",
                "  over a second line.", ""), StandardCharsets.UTF_8);
        Files.writeString(prose.resolve("05-conv2d.md"), "# 05 · Conv2d <kernels> & maps\n", StandardCharsets.UTF_8);
        for (String f : List.of("02-a.png", "02-b.png", "05-kernels.png", "99-stray.png")) png(out.resolve(f));
        Files.writeString(out.resolve("02-table.csv"), "a,b\n");

        Path page = Gallery.write(out, Lesson.all(scripts)).orElseThrow();
        assertEquals(out.resolve("index.html"), page);
        String html = Files.readString(page, StandardCharsets.UTF_8);

        List<String> links = links(html);
        for (String link : links) {
            if (link.startsWith("#")) {
                assertTrue(html.contains("id=\"" + link.substring(1) + "\""), "anchor " + link);
            } else {
                assertTrue(Files.exists(out.resolve(link)), "link " + link + " resolves from " + out);
            }
        }
        List<String> images = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
        while (m.find()) images.add(m.group(1));
        // in the prose's order within a lesson, then the lesson's undescribed pictures; no stray lesson 99
        assertEquals(List.of("02-b.png", "02-a.png", "05-kernels.png"), images);
        assertTrue(links.contains("../lessons/02-linear.md"));
        assertTrue(html.contains("<code>02-b.png</code> — the second one, described first</figcaption>"), html);
        assertTrue(html.contains("— the first one: a bullet that goes on over a second line</figcaption>"), html);
        assertTrue(html.contains("— 05-kernels</figcaption>"), "a picture the prose does not describe keeps its name");
        assertTrue(html.contains("<h2>05 · Conv2d &lt;kernels&gt; &amp; maps</h2>"), "titles are escaped");
        assertTrue(html.indexOf("lesson-02\">") < html.indexOf("lesson-05\">"));
    }

    @Test
    @DisplayName("no pictures, no page")
    void noPictures() throws IOException {
        Path scripts = Files.createDirectories(root.resolve("jshell-scripts"));
        Files.writeString(scripts.resolve("00-welcome.jsh"), "");
        assertTrue(Gallery.write(root.resolve("out"), Lesson.all(scripts)).isEmpty());
        assertFalse(Files.exists(root.resolve("out").resolve("index.html")));
    }

    @Test
    @DisplayName("captions: one line, no backticks, the whole first sentence however long")
    void captions() {
        assertEquals("a [256, 128] weight: N(0, 0.125²)", Gallery.caption("a `[256, 128]` weight: `N(0, 0.125²)`. Then more."));
        String longer = Gallery.caption("word ".repeat(60) + "end. Second sentence.");
        assertEquals("word ".repeat(60) + "end", longer);
    }

    @Test
    @DisplayName("no lesson's caption is cut short: every described picture's first sentence is on the page whole")
    void lessonCaptionsWhole() throws IOException {
        for (Lesson lesson : Lesson.all()) {
            for (Map.Entry<String, String> c : Gallery.captions(lesson.prose()).entrySet()) {
                assertFalse(c.getValue().endsWith("…"), lesson.name() + ": " + c.getKey() + " — " + c.getValue());
                String prose = Files.readString(lesson.prose(), StandardCharsets.UTF_8).replace("`", "").replaceAll("\\s+", " ");
                assertTrue(prose.contains(c.getValue()), lesson.name() + ": the caption of " + c.getKey() + " is the prose's own text");
            }
        }
    }

    @Test
    @DisplayName("the lessons from 02 to 08 each describe at least one picture of their own")
    void lessonsWithPictures() {
        for (Lesson lesson : Lesson.all()) {
            int n = Integer.parseInt(lesson.number());
            if (n < 2 || n > 8) continue;
            assertFalse(Gallery.captions(lesson.prose()).isEmpty(), lesson.name() + " has no picture in the gallery");
        }
    }

    @Test
    @DisplayName("every picture a lesson's prose describes is drawn by that lesson's script")
    void proseNamesRealPictures() throws IOException {
        for (Lesson lesson : Lesson.all()) {
            String script = Files.readString(lesson.script(), StandardCharsets.UTF_8);
            Map<String, String> captions = Gallery.captions(lesson.prose());
            for (String file : captions.keySet()) {
                String name = file.substring(0, file.length() - ".png".length());
                assertTrue(script.contains("\"" + name + "\""), lesson.name() + " describes " + file + " but does not draw it");
            }
        }
    }
}
