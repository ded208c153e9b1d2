package dev.ringproof.system;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's OpenMQ broker as a client on the same host reaches it: through its port mapper on
 * 127.0.0.1:7676, with the OpenMQ client of the Payara Server under test (failsafe puts
 * {@code mq/lib/imq.jar} on the classpath; the build unpacks it only after the tests compile, so
 * its connection factory is made by name).
 */
final class Broker {

    static final String ADDRESS = "mq://127.0.0.1:7676";
    static final int PORT_MAPPER = 7676;

    /** The application's broker user, as the build hardened the test server with (ear/pom.xml). */
    static final String USER = System.getProperty("broker.user", "ringproof");

    static final String PASSWORD = System.getProperty("broker.password");

    private Broker() {}

    static ConnectionFactory factory() {
        try {
            var factory = (ConnectionFactory) Class.forName("com.sun.messaging.ConnectionFactory")
                    .getConstructor()
                    .newInstance();
            factory.getClass()
                    .getMethod("setProperty", String.class, String.class)
                    .invoke(factory, "imqAddressList", ADDRESS);
            return factory;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the OpenMQ client (payara6/mq/lib/imq.jar) is not on the classpath", e);
        }
    }

    /**
     * The TCP services the port mapper names, with their ports: it answers a client's version line
     * with lines like {@code jms tcp NORMAL 38619 [hostname=127.0.0.1]}, up to a line ".".
     */
    static Map<String, Integer> services() throws IOException {
        Map<String, Integer> services = new HashMap<>();
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), PORT_MAPPER)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("101\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = lines.readLine(); line != null && !line.equals("."); line = lines.readLine()) {
                String[] fields = line.split(" ");
                if (fields.length >= 4 && fields[1].equals("tcp") && !fields[0].equals("portmapper")) {
                    services.put(fields[0], Integer.parseInt(fields[3]));
                }
            }
        }
        return services;
    }

    /** Opens and starts a connection as {@code user}; what the broker says to a wrong login is thrown. */
    static void connect(String user, String password) throws JMSException {
        try (var connection = factory().createConnection(user, password)) {
            connection.start();
        }
    }

    /**
     * Puts a map message on {@code queue} as the application's user and waits (up to 60 s) until
     * a consumer has taken it and acknowledged it, which the broker does once the message-driven
     * bean has returned: a browser no longer sees it then.
     */
    static void sendAndAwaitConsumption(String queue, Map<String, Object> fields) throws JMSException {
        if (PASSWORD == null) {
            throw new IllegalStateException("-Dbroker.password is not set (ear/pom.xml passes it to failsafe)");
        }
        try (JMSContext jms = factory().createContext(USER, PASSWORD, JMSContext.AUTO_ACKNOWLEDGE)) {
            var message = jms.createMapMessage();
            for (var field : fields.entrySet()) {
                message.setObject(field.getKey(), field.getValue());
            }
            var destination = jms.createQueue(queue);
            jms.createProducer().send(destination, message);
            String selector = "JMSMessageID = '" + message.getJMSMessageID() + "'";
            Eventually.until(
                    "a consumer of the message on " + queue,
                    Duration.ofSeconds(60),
                    () -> stillOn(jms, destination, selector),
                    waiting -> !waiting);
        }
    }

    private static boolean stillOn(JMSContext jms, Queue queue, String selector) {
        try (var browser = jms.createBrowser(queue, selector)) {
            return browser.getEnumeration().hasMoreElements();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
