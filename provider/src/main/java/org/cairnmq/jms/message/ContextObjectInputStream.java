package org.cairnmq.jms.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * An {@link ObjectInputStream} that resolves classes with the thread context class loader first, so
 * that an application server's deployment classes are found, then falls back to the default
 * resolution and finally to the loader of the provider itself.
 */
final class ContextObjectInputStream extends ObjectInputStream {

    ContextObjectInputStream(InputStream in) throws IOException {
        super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(desc.getName(), false, context);
            } catch (ClassNotFoundException e) {
                return resolveWithFallback(desc);
            }
        }
        return resolveWithFallback(desc);
    }

    private Class<?> resolveWithFallback(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
        try {
            return super.resolveClass(desc);
        } catch (ClassNotFoundException e) {
            return Class.forName(desc.getName(), false, ContextObjectInputStream.class.getClassLoader());
        }
    }
}
