package org.cairnmq.server.remoting;

import java.util.EnumMap;
import java.util.Map;
import org.cairnmq.protocol.command.CommandCode;

/**
 * Which {@link CommandProcessor} handles which command. Filled while the server is wired together,
 * before it binds its port; read-only afterwards, so the event loops read it without locking.
 */
public final class ProcessorRegistry {

    private final Map<CommandCode, CommandProcessor> processors = new EnumMap<>(CommandCode.class);
    private volatile boolean frozen;

    /**
     * Registers the processor of a command.
     *
     * @param command the command code
     * @param processor its processor
     * @throws IllegalStateException when the command already has one, or the registry is frozen
     */
    public synchronized void register(CommandCode command, CommandProcessor processor) {
        if (frozen) {
            throw new IllegalStateException("processors are registered before the server starts");
        }
        if (processors.putIfAbsent(command, processor) != null) {
            throw new IllegalStateException("command " + command + " already has a processor");
        }
    }

    /** Stops registration; called by the server as it starts. */
    public synchronized void freeze() {
        frozen = true;
    }

    /**
     * Returns the processor of a command.
     *
     * @param command the command code
     * @return the processor, or {@code null} when none handles the command
     */
    public CommandProcessor processorFor(CommandCode command) {
        return processors.get(command);
    }
}
