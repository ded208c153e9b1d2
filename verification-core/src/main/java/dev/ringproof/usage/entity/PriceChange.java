package dev.ringproof.usage.entity;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A new price as an admin asks for it, checked: a known channel, an ISO 3166 country or
 * {@code *}, a decimal string with at most 4 decimals (never a float), the billing currency.
 */
public record PriceChange(String channel, String country, BigDecimal unitPrice, String currency) {

    private static final Set<String> CHANNELS = Set.of("missed_call", "sms", "voice");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,14}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Reads the four fields; any problem refuses the whole change (400 invalid_request). */
    public static PriceChange of(
            String channel, String country, String unitPrice, String currency, String billingCurrency) {
        List<FieldProblem> problems = new ArrayList<>();
        if (channel != null && !CHANNELS.contains(channel)) {
            problems.add(new FieldProblem("channel", "must be missed_call, sms or voice"));
        }
        if (country != null && !country.equals(Price.ANY_COUNTRY) && !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("country", "must be an ISO 3166 country code such as GB, or *"));
        }
        if (unitPrice != null && !DECIMAL.matcher(unitPrice).matches()) {
            problems.add(new FieldProblem(
                    "unit_price", "must be a decimal string with at most 4 decimals," + " such as \"0.0040\""));
        }
        if (currency != null && !isCurrency(currency)) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as EUR"));
        } else if (currency != null && !currency.equals(billingCurrency)) {
            problems.add(new FieldProblem(
                    "currency", "prices are kept in " + billingCurrency + ", the billing currency (usage.currency)"));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Reason.INVALID_REQUEST, "See errors for what to correct.", problems);
        }
        return new PriceChange(channel, country, new BigDecimal(unitPrice).setScale(Price.SCALE), currency);
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
