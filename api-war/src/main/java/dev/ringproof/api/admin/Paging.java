package dev.ringproof.api.admin;

import dev.ringproof.platform.boundary.Refusal;

/** Offsets and page sizes of admin listings: at most 500 a page. */
final class Paging {

    static final int MAX_LIMIT = 500;

    private Paging() {}

    static int offset(String offset) {
        return number("offset", offset, 0, Integer.MAX_VALUE);
    }

    static int limit(String limit) {
        return number("limit", limit, 1, MAX_LIMIT);
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
