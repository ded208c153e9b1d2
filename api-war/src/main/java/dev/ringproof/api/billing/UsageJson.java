package dev.ringproof.api.billing;

import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.Totals;
import dev.ringproof.usage.entity.UsageGroup;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The billing report as JSON, written with a streaming generator: {@code lines} as they
 * come, then the total. Amounts are decimal strings. With one currency (the normal case,
 * prices are kept in one) the answer has {@code currency} and {@code total_amount}; were
 * there several, {@code totals} per currency instead, never a sum across currencies.
 */
final class UsageJson {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private UsageJson() {}

    static void write(OutputStream out, Period period, String billingCurrency, Consumer<Consumer<UsageGroup>> source) {
        var totals = new Totals();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("from", period.from().toString())
                    .write("to", period.to().toString())
                    .writeStartArray("lines");
            source.accept(group -> {
                line(json, group);
                totals.add(group.currency(), group.amount());
            });
            json.writeEnd();
            writeTotals(json, totals, billingCurrency);
            json.writeEnd();
        }
    }

    private static void line(JsonGenerator json, UsageGroup g) {
        json.writeStartObject()
                .write("tenant_id", g.tenantId())
                .write("tenant_name", g.tenantName())
                .write("day", g.day().toString())
                .write("channel", g.channel())
                .write("country", g.country())
                .write("attempts", g.attempts())
                .write("approved", g.approved())
                .write("unit_price", g.unitPrice().toPlainString())
                .write("amount", g.amount().toPlainString())
                .write("currency", g.currency())
                .writeEnd();
    }

    static void writeTotals(JsonGenerator json, Totals totals, String billingCurrency) {
        var single = totals.singleCurrency(billingCurrency);
        if (single.isPresent()) {
            json.write("currency", single.get())
                    .write("total_amount", totals.amount(single.get()).toPlainString());
            return;
        }
        json.writeStartObject("totals");
        totals.byCurrency().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> json.write(e.getKey(), e.getValue().toPlainString()));
        json.writeEnd();
    }
}
