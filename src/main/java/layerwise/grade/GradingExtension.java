package layerwise.grade;

import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a grading test what it needs: the {@link Learner} holding its class's exercise file (one learner VM for
 * the whole run, started on the first call and closed when the run ends), and the {@link Cases} of its exercise.
 */
public final class GradingExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GradingExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        Class<?> type = p.getParameter().getType();
        return type == Learner.class || type == Cases.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        Parameter parameter = p.getParameter();
        Settings settings = Settings.from(context::getConfigurationParameter);
        if (parameter.getType() == Cases.class) {
            Exercise exercise = context.getRequiredTestMethod().getAnnotation(Exercise.class);
            return new Cases(settings.seed(), exercise.id(), exercise.cases());
        }
        Class<?> grading = context.getRequiredTestClass();
        Path file = settings.file(grading.getAnnotation(ExerciseFile.class).value());
        if (!Files.isRegularFile(file)) {
            throw new GradeFailure(Status.NOT_STARTED, "no exercise file " + file + " to grade");
        }
        Learner learner = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(Learner.class, k -> new Learner(settings.imports(), settings.limits()), Learner.class);
        learner.use(file);
        Exercise exercise = context.getRequiredTestMethod().getAnnotation(Exercise.class);
        learner.allow(exercise == null ? Allow.WORKBOOK : exercise.allows());
        return learner;
    }
}
