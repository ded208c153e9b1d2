package dev.ringproof.webhook.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/** Where an event's delivery stands: still being tried, received (a 2xx), or given up. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores the wire name, as the column always held it (its check constraint lists them). */
    @Converter
    public static class Column implements AttributeConverter<DeliveryState, String> {

        @Override
        public String convertToDatabaseColumn(DeliveryState state) {
            return state == null ? null : state.wireName();
        }

        @Override
        public DeliveryState convertToEntityAttribute(String stored) {
            return stored == null
                    ? null
                    : Arrays.stream(values())
                            .filter(s -> s.wireName().equals(stored))
                            .findFirst()
                            .orElseThrow(() ->
                                    new IllegalStateException("unknown webhook event state in database: " + stored));
        }
    }
}
