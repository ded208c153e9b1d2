package dev.ringproof.api.billing;

import dev.ringproof.usage.entity.MonthlySummary;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;

/**
 * A monthly summary as JSON members: counts as numbers, money and rates as decimal strings;
 * a quotient without a divisor (no verification approved, none reached a channel) is null.
 */
public final class SummaryJson {

    private SummaryJson() {}

    /** Writes the summary's members into the object the generator is in. */
    public static void members(JsonGenerator json, MonthlySummary s) {
        json.write("tenant_id", s.tenantId())
                .write("tenant_name", s.tenantName())
                .write("verifications_started", s.started())
                .write("verifications_approved", s.approved());
        decimal(json, "conversion_rate", s.conversionRate());
        json.writeStartArray("channels");
        for (var conversion : s.conversions()) {
            json.writeStartObject()
                    .write("channel", conversion.channel())
                    .write("reached", conversion.reached())
                    .write("approved", conversion.approved());
            decimal(json, "conversion_rate", conversion.rate());
            json.writeEnd();
        }
        json.writeEnd();
        decimal(json, "cost", s.cost());
        decimal(json, "cost_per_approved", s.costPerApproved());
        decimal(json, "sms_only_cost", s.smsOnlyCost());
        decimal(json, "saving", s.saving());
    }

    private static void decimal(JsonGenerator json, String name, BigDecimal value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value.toPlainString());
        }
    }
}
