package layerwise.grade;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A learner's exercise file as text, or why it cannot be graded at all: too large, unreadable, not UTF-8 or
 * empty is one clear status for every exercise in it, before JShell sees a line.
 *
 * @param text    the file's text, or null
 * @param problem what every exercise of the file reports instead, or null
 */
record ExerciseText(String text, GradeFailure problem) {
    /** Exercise files are a few kilobytes; a larger one is not read at all. */
    static final int MAX_BYTES = 256 * 1024;

    static ExerciseText read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(Status.DOES_NOT_COMPILE, name + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            return failed(Status.DOES_NOT_COMPILE, name + " is " + bytes.length / 1024 + " KB; an exercise file is a few KB "
                    + "(the grader reads at most " + MAX_BYTES / 1024 + " KB). Hand in the exercise file itself.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(Status.DOES_NOT_COMPILE, name + " is not UTF-8 text: save it as UTF-8 (most editors: File, Save with encoding).");
        }
        if (text.isBlank()) return failed(Status.NOT_STARTED, name + " is empty: start from the exercise file as shipped.");
        return new ExerciseText(text, null);
    }

    private static ExerciseText failed(Status status, String message) {
        return new ExerciseText(null, new GradeFailure(status, message));
    }
}
