/**
 * Command codes, error codes and the protocol's unchecked exception: the vocabulary both sides of
 * the wire share.
 */
package org.cairnmq.protocol.command;
