package dev.ringproof.audit.entity;

/**
 * Who an audit entry names: a console user (by the API's HTTP Basic or the console), a tenant's
 * key, or {@link #SYSTEM} for what Ringproof does by itself (the fraud guard, retention). Names
 * and addresses are cut to their columns.
 */
public record Actor(String name, String role, String address) {

    public static final Actor SYSTEM = new Actor("system", "system", null);

    public Actor {
        name = cut(name == null || name.isBlank() ? "unknown" : name, 64);
        role = cut(role == null || role.isBlank() ? "none" : role, 32);
        address = cut(address, 64);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
