package org.cairnmq.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;

/**
 * The exceptions of the Jakarta Messaging rules for applications in a Jakarta EE web or enterprise
 * bean container (Jakarta Messaging 3.1, chapter 12), which the connection handles enforce.
 */
final class ContainerRules {

    private ContainerRules() {
    }

    /**
     * Returns the exception for a method an application in a container must not call.
     *
     * @param method the method, e.g. {@code Session.setMessageListener}
     * @return the exception to throw
     */
    static IllegalStateException notPermitted(final String method) {
        return new IllegalStateException(message(method), "CAIRN-RA302");
    }

    /**
     * Returns the runtime exception for a method an application in a container must not call.
     *
     * @param method the method, e.g. {@code JMSContext.stop}
     * @return the exception to throw
     */
    static IllegalStateRuntimeException notPermittedRuntime(final String method) {
        return new IllegalStateRuntimeException(message(method), "CAIRN-RA302");
    }

    /**
     * Returns the exception for a use of a closed handle.
     *
     * @param what {@code connection}, {@code session}, {@code producer}...
     * @return the exception to throw
     */
    static IllegalStateException closed(final String what) {
        return new IllegalStateException("CAIRN-RA301 the " + what + " is closed", "CAIRN-RA301");
    }

    /**
     * Returns the runtime exception for a use of a closed handle of the simplified API.
     *
     * @param what {@code context}, {@code consumer}...
     * @return the exception to throw
     */
    static IllegalStateRuntimeException closedRuntime(final String what) {
        return new IllegalStateRuntimeException("CAIRN-RA301 the " + what + " is closed", "CAIRN-RA301");
    }

    private static String message(final String method) {
        return "CAIRN-RA302 " + method + " is not permitted in a Jakarta EE web or enterprise bean container "
            + "(Jakarta Messaging 3.1, section 12.2)";
    }
}
