package dev.ringproof.platform.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * The application's JMS resources on the server's broker (embedded OpenMQ by default).
 *
 * <p>MDBs name their queue by the physical name in the OpenMQ activation property
 * {@code destination}: a {@code destinationLookup} of these JNDI names was seen to fail
 * on Payara 6.
 *
 * <p>The broker user comes from MicroProfile Config ({@code broker.user}, {@code broker.password}),
 * which {@code bin/harden-broker} fills with generated credentials as Payara password aliases; the
 * defaults are the stock broker's guest user, for a server nobody hardened. The message-driven beans
 * log in with the same keys, in their activation config.
 */
@JMSConnectionFactoryDefinition(
        name = Messaging.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "jmsra",
        user = Messaging.BROKER_USER,
        password = Messaging.BROKER_PASSWORD,
        maxPoolSize = 32,
        minPoolSize = 1)
@JMSDestinationDefinition(
        name = Messaging.FALLBACK_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        resourceAdapter = "jmsra",
        destinationName = Messaging.FALLBACK_QUEUE_NAME)
@JMSDestinationDefinition(
        name = Messaging.OUTBOUND_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        resourceAdapter = "jmsra",
        destinationName = Messaging.OUTBOUND_QUEUE_NAME)
@Stateless
public class Messaging {

    public static final String CONNECTION_FACTORY = "java:app/jms/ringproof";
    public static final String FALLBACK_QUEUE = "java:app/jms/fallbacks";
    public static final String FALLBACK_QUEUE_NAME = "RingproofFallbacks";
    public static final String OUTBOUND_QUEUE = "java:app/jms/outbound";
    public static final String OUTBOUND_QUEUE_NAME = "RingproofOutbound";
    /** Expanded by Payara when it deploys the application; the inline defaults are for an unhardened broker. */
    public static final String BROKER_USER = "${MPCONFIG=broker.user:guest}";

    public static final String BROKER_PASSWORD = "${MPCONFIG=broker.password:guest}";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    /** True when a connection to the broker can be opened and started right now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean brokerAnswers() {
        try (var connection = connectionFactory.createConnection()) {
            connection.start();
            return true;
        } catch (JMSException | JMSRuntimeException e) {
            return false;
        }
    }
}
