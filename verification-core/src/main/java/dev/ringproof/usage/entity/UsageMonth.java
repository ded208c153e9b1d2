package dev.ringproof.usage.entity;

import dev.ringproof.platform.boundary.Refusal;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A calendar month of UTC days, the unit of the monthly summary (which the console's report page keeps). */
public record UsageMonth(YearMonth month) implements Serializable {

    private static final Pattern TEXT = Pattern.compile("\\d{4}-\\d{2}");

    /** Reads {@code month} as {@code yyyy-MM}; anything else is 400 invalid_request. */
    public static UsageMonth parse(String text) {
        if (text == null || text.isEmpty()) {
            throw Refusal.invalid("month", "is required, as yyyy-MM");
        }
        if (!TEXT.matcher(text).matches()) {
            throw Refusal.invalid("month", "must be a month as yyyy-MM");
        }
        try {
            return new UsageMonth(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("month", "must be a month as yyyy-MM");
        }
    }

    /** The month's first to last day, both included. */
    public Period period() {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
