package dev.ringproof.webhook.control;

import java.net.InetAddress;
import java.net.URI;

/**
 * A webhook URL whose host was resolved once and whose every address passed the guard:
 * the delivery connects to {@code address} and to nothing else, while the request's
 * {@code Host}, the TLS server name (SNI) and the certificate check use {@code host}.
 */
public record CheckedTarget(URI uri, String scheme, String host, int port, InetAddress address) {}
