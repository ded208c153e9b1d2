package dev.ringproof.usage.entity;

import dev.ringproof.platform.boundary.Refusal;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A report's whole UTC days, both ends included: at least one, at most 366. Kept by the console's report page. */
public record Period(LocalDate from, LocalDate to) implements Serializable {

    public static final int MAX_DAYS = 366;

    /** Reads {@code from} and {@code to} as {@code yyyy-MM-dd}; anything else is 400 invalid_request. */
    public static Period parse(String from, String to) {
        var start = date("from", from);
        var end = date("to", to);
        if (end.isBefore(start)) {
            throw Refusal.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw Refusal.invalid("to", "a report covers at most " + MAX_DAYS + " days");
        }
        return new Period(start, end);
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw Refusal.invalid(name, "is required, as yyyy-MM-dd");
        }
        if (text.length() != 10) {
            throw Refusal.invalid(name, "must be a date as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name, "must be a date as yyyy-MM-dd");
        }
    }
}
