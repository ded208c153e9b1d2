package dev.ringproof.api.verification;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.VerificationHistory.Page;
import dev.ringproof.verification.entity.Verification;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What verification lists share, the tenant's and the admins': page sizes ({@code limit} 1 to
 * 100, default 20), UTC days, and the answer {@code {"items": [...], "next_cursor": "…"|null}}.
 */
public final class VerificationPages {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final JsonProvider JSON = JsonProvider.provider();

    private VerificationPages() {}

    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** A UTC day {@code 2026-11-25}; null when not given. */
    public static LocalDate day(String field, String day) {
        if (day == null || day.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "must be a UTC day like 2026-11-25");
        }
    }

    public static JsonObject json(Page page, Function<Verification, JsonObjectBuilder> item) {
        var items = JSON.createArrayBuilder();
        page.items().forEach(v -> items.add(item.apply(v)));
        var json = JSON.createObjectBuilder().add("items", items);
        if (page.next() == null) {
            json.add("next_cursor", JsonValue.NULL);
        } else {
            json.add("next_cursor", PageCursor.encode(page.next()));
        }
        return json.build();
    }
}
