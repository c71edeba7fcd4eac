package org.cairnmq.jms.jndi;

import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;

/**
 * A flat, read-only, in-memory JNDI context over a fixed set of bindings. Lookups and listings work;
 * every change is refused with {@link OperationNotSupportedException}.
 *
 * <p>Thread safety: the bindings never change, so lookups may come from any thread.
 */
final class ReadOnlyContext implements Context {

    private static final NameParser PARSER = CompositeName::new;

    private final Hashtable<Object, Object> environment;
    private final Map<String, Object> bindings;

    ReadOnlyContext(final Hashtable<Object, Object> environment, final Map<String, Object> bindings) {
        this.environment = environment;
        this.bindings = Map.copyOf(bindings);
    }

    @Override
    public Object lookup(final Name name) throws NamingException {
        return lookup(name.toString());
    }

    @Override
    public Object lookup(final String name) throws NamingException {
        if (name.isEmpty()) {
            return new ReadOnlyContext(new Hashtable<>(environment), bindings);
        }
        final Object bound = bindings.get(name);
        if (bound == null) {
            throw new NameNotFoundException("CAIRN-N003 Nothing is bound under '" + name + "'; bound names: "
                + bindings.keySet());
        }
        return bound;
    }

    @Override
    public Object lookupLink(final Name name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(final String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(final Name name) throws NamingException {
        return list(name.toString());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(final String name) throws NamingException {
        requireRoot(name);
        return enumerate(entry -> new NameClassPair(entry.getKey(), entry.getValue().getClass().getName()));
    }

    @Override
    public NamingEnumeration<Binding> listBindings(final Name name) throws NamingException {
        return listBindings(name.toString());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(final String name) throws NamingException {
        requireRoot(name);
        return enumerate(entry -> new Binding(entry.getKey(), entry.getValue()));
    }

    private void requireRoot(final String name) throws NamingException {
        if (!name.isEmpty()) {
            lookup(name);
            throw new NotContextException("CAIRN-N004 '" + name + "' is not a context");
        }
    }

    private <T> NamingEnumeration<T> enumerate(final Function<Map.Entry<String, Object>, T> mapping) {
        return new ListEnumeration<>(bindings.entrySet().stream().map(mapping).toList());
    }

    @Override
    public void bind(final Name name, final Object obj) throws NamingException {
        throw readOnly();
    }

    @Override
    public void bind(final String name, final Object obj) throws NamingException {
        throw readOnly();
    }

    @Override
    public void rebind(final Name name, final Object obj) throws NamingException {
        throw readOnly();
    }

    @Override
    public void rebind(final String name, final Object obj) throws NamingException {
        throw readOnly();
    }

    @Override
    public void unbind(final Name name) throws NamingException {
        throw readOnly();
    }

    @Override
    public void unbind(final String name) throws NamingException {
        throw readOnly();
    }

    @Override
    public void rename(final Name oldName, final Name newName) throws NamingException {
        throw readOnly();
    }

    @Override
    public void rename(final String oldName, final String newName) throws NamingException {
        throw readOnly();
    }

    @Override
    public void destroySubcontext(final Name name) throws NamingException {
        throw readOnly();
    }

    @Override
    public void destroySubcontext(final String name) throws NamingException {
        throw readOnly();
    }

    @Override
    public Context createSubcontext(final Name name) throws NamingException {
        throw readOnly();
    }

    @Override
    public Context createSubcontext(final String name) throws NamingException {
        throw readOnly();
    }

    private static OperationNotSupportedException readOnly() {
        return new OperationNotSupportedException("CAIRN-N005 The Cairn JNDI context is read-only; "
            + "configure it through its environment (jndi.properties)");
    }

    @Override
    public NameParser getNameParser(final Name name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(final String name) {
        return PARSER;
    }

    @Override
    public Name composeName(final Name name, final Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(final String name, final String prefix) throws NamingException {
        return composeName(new CompositeName(name), new CompositeName(prefix)).toString();
    }

    @Override
    public Object addToEnvironment(final String propName, final Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(final String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
        // Nothing is held open: the bindings are plain objects in memory.
    }

    @Override
    public String getNameInNamespace() {
        return "";
    }

    /** A naming enumeration over a fixed list. */
    private static final class ListEnumeration<T> implements NamingEnumeration<T> {

        private final Iterator<T> iterator;

        ListEnumeration(final List<T> items) {
            this.iterator = items.iterator();
        }

        @Override
        public T next() {
            return nextElement();
        }

        @Override
        public boolean hasMore() {
            return iterator.hasNext();
        }

        @Override
        public boolean hasMoreElements() {
            return iterator.hasNext();
        }

        @Override
        public T nextElement() {
            if (!iterator.hasNext()) {
                throw new NoSuchElementException();
            }
            return iterator.next();
        }

        @Override
        public void close() {
            // A list holds no resources.
        }
    }
}
