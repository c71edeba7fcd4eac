package org.cairnmq.examples.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Arquillian test against WildFly with a Cairn broker: the broker starts first (see
 * {@link CairnBrokerExtension}), then Arquillian starts the server and deploys; on a failure the tail
 * of WildFly's {@code server.log} is printed ({@link ServerLogOnFailure}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CairnBrokerExtension.class)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ServerLogOnFailure.class)
public @interface CairnEeTest {
}
