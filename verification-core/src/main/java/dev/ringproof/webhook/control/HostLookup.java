package dev.ringproof.webhook.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a webhook target's host name: the system's resolver, or one a test controls. */
@FunctionalInterface
public interface HostLookup {

    HostLookup SYSTEM = InetAddress::getAllByName;

    InetAddress[] addressesOf(String host) throws UnknownHostException;
}
