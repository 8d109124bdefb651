package layerwise.workbook;

import jdk.jshell.spi.ExecutionControl;
import layerwise.grade.ForwardingExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.net.InetAddress;
import java.util.Map;

/**
 * The workbook's JShell execution engine, {@code --execution workbook}: JShell's own (snippets run in a second
 * JVM over JDI, exactly as with the {@code jshell} command), with one change in what comes back: a value's
 * text passes through {@link ValuePreview}, so a long array or list typed at the prompt shows as a bounded
 * preview with its count instead of all its elements. Everything else, including stopping a snippet with
 * Ctrl-C, is the wrapped engine's.
 */
public final class PreviewExecution implements ExecutionControlProvider {
    /** The name {@code --execution} takes. */
    static final String NAME = "workbook";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        return new Previewing(ExecutionControl.generate(env, defaultSpec()));
    }

    /** JShell's default engine when no --execution is given: JDI on the loopback address, then by launching. */
    static String defaultSpec() {
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        return "failover:0(jdi:hostname(" + loopback + ")),1(jdi:launch(true)), 2(jdi)";
    }

    /** The wrapped engine, with values previewed. */
    static final class Previewing extends ForwardingExecutionControl {
        Previewing(ExecutionControl engine) {
            super(engine);
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
            return ValuePreview.of(engine.invoke(className, methodName));
        }

        @Override
        public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
            return ValuePreview.of(engine.varValue(className, varName));
        }
    }
}
