package layerwise.grade;

import jdk.jshell.spi.ExecutionControl;

/**
 * A JShell execution engine that passes every call on to another (usually JShell's own JDI engine), for the
 * workbook's engines to change one thing each: the grader's checks what loads ({@link SealedExecution}), the
 * interactive workbook's shows long values as previews.
 */
public abstract class ForwardingExecutionControl implements ExecutionControl {
    /** The engine every call goes to unless overridden. */
    protected final ExecutionControl engine;

    protected ForwardingExecutionControl(ExecutionControl engine) {
        this.engine = engine;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        engine.load(classes);
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        engine.redefine(classes);
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        return engine.invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return engine.varValue(className, varName);
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        engine.addToClasspath(path);
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        engine.stop();
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        return engine.extensionCommand(command, arg);
    }

    @Override
    public void close() {
        engine.close();
    }
}
