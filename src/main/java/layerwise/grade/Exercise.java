package layerwise.grade;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a grading test as exercise {@link #id()} worth {@link #points()}: all of them when the test passes,
 * none otherwise. The id is the one in the stub's message ("Exercise 2.3: ...") and in {@code hints.properties}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Exercise {
    /** "2.3": lesson 2, exercise 3. */
    String id();

    /** What a pass earns. */
    int points();

    /** How many random cases the test draws (see {@link Cases}). */
    int cases() default 3;

    /**
     * What the answer may use besides plain Java: by default nothing of the workbook (the formula or the
     * loops, written out); a refused use is its own status, with this rule named.
     */
    Allow allows() default Allow.PLAIN_JAVA;
}
