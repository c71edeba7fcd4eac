/**
 * The pieces of the provider's XA support that stand alone: the {@link javax.transaction.xa.Xid} value
 * class, the XA flag checks, the recover scan and the mapping of protocol error codes to
 * {@link javax.transaction.xa.XAException} codes. The XA resource itself lives beside the session it
 * drives, in {@code org.cairnmq.jms.connection}.
 */
package org.cairnmq.jms.xa;
