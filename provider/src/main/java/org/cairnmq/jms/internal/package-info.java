/** Provider internals shared by the JMS implementations; not API. */
package org.cairnmq.jms.internal;
