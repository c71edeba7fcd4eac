/**
 * An end-to-end JMS load tool that uses only the Jakarta Messaging API and JNDI, so the same
 * scenarios run against any provider: {@link org.cairnmq.benchmarks.load.JmsLoadTool} is the entry
 * point.
 */
package org.cairnmq.benchmarks.load;
