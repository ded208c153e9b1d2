package dev.ringproof.tenant.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/** Whether a tenant's keys work: a suspended tenant keeps its data and can be reactivated. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED;

    /** The name the API, the console and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stores the wire name, as the column always held it (its check constraint lists them). */
    @Converter
    public static class Column implements AttributeConverter<TenantStatus, String> {

        @Override
        public String convertToDatabaseColumn(TenantStatus status) {
            return status == null ? null : status.wireName();
        }

        @Override
        public TenantStatus convertToEntityAttribute(String stored) {
            return stored == null
                    ? null
                    : Arrays.stream(values())
                            .filter(s -> s.wireName().equals(stored))
                            .findFirst()
                            .orElseThrow(
                                    () -> new IllegalStateException("unknown tenant status in database: " + stored));
        }
    }
}
