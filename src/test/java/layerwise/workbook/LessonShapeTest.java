package layerwise.workbook;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How a lesson opens and ends: what you will learn and what you need at the top; "Try this" as the last
 * section, every prompt with a check or an answer; a pointer to its exercises; a "Next" line; and the
 * script says "done" only in its last line.
 */
class LessonShapeTest {
    /** The lessons held to this pattern: every lesson of the arc, 00 to 13. A new lesson joins the list once written to it. */
    static final List<String> LESSONS = List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13");

    private static String read(java.nio.file.Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyListedLessonExists() {
        List<String> present = Lesson.all().stream().map(Lesson::number).toList();
        assertTrue(present.containsAll(LESSONS), "lessons listed but missing: " + LESSONS + " vs " + present);
    }

    @TestFactory
    Stream<DynamicTest> lessonsOpenAndEndTheSameWay() {
        return Lesson.all().stream().filter(l -> LESSONS.contains(l.number())).map(l -> DynamicTest.dynamicTest(l.name(), () -> {
            String prose = read(l.prose());
            String top = prose.substring(0, Math.min(prose.length(), prose.indexOf("\n## ") > 0 ? prose.indexOf("\n## ") : prose.length()));
            assertTrue(top.contains("**What you will learn:**"), l.name() + ": what you will learn, before section 1");
            assertTrue(top.contains("**What you need:**"), l.name() + ": what you need, before section 1");
            assertTrue(top.matches("(?s).*\\*\\*Time:\\*\\* about \\d+ minutes.*"), l.name() + ": the time it takes");

            int tryThis = prose.lastIndexOf("\n## Try this\n");
            assertTrue(tryThis > 0, l.name() + ": a Try this section");
            String ending = prose.substring(tryThis + 1);
            assertFalse(ending.substring(3).contains("\n## "), l.name() + ": Try this is the last section");
            List<String> prompts = Arrays.stream(ending.split("\n- ")).skip(1).toList();
            assertTrue(prompts.size() >= 3, l.name() + ": at least three prompts, found " + prompts.size());
            for (String p : prompts) {
                assertTrue(p.contains("*Answer:*") || p.contains("*Check:*"),
                        l.name() + ": a prompt without a check or an answer: " + p.lines().findFirst().orElse(""));
            }
            assertTrue(ending.contains("Exercises: `jshell-scripts/exercises/" + l.name() + ".jsh`"), l.name() + ": exercises pointer");
            assertTrue(ending.contains("\n**Next:** "), l.name() + ": a next line");
            assertEquals(1, prose.split("\n## Try this\n", -1).length - 1, l.name() + ": one Try this section");

            List<String> script = read(l.script()).strip().lines().toList();
            for (int i = 0; i < script.size() - 1; i++) {
                assertFalse(script.get(i).contains("done"), l.script() + ":" + (i + 1) + " says done before the end");
            }
            assertTrue(script.get(script.size() - 1).contains("Lesson " + l.number() + " done"), l.script() + ": ends with done");
        }));
    }
}
