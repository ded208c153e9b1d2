package dev.ringproof.platform.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.ringproof.platform.boundary.Refusal;
import java.util.Set;

/**
 * Reads phone numbers the way people write them and answers E.164. Any Unicode decimal
 * digits are normalised to ASCII once, here, so rate limits, storage and dialling all see
 * the same form. Only digits, spaces, {@code + ( ) - . /} are accepted; letters, URIs,
 * extensions and invisible characters are refused.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT_LENGTH = 40;
    private static final Set<Integer> SEPARATORS =
            Set.of((int) ' ', (int) '(', (int) ')', (int) '-', (int) '.', (int) '/', 0x00A0);
    private static final Set<PhoneNumberType> NEVER_DIALLED = Set.of(
            PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST,
            PhoneNumberType.UAN,
            PhoneNumberType.VOIP,
            PhoneNumberType.PAGER,
            PhoneNumberType.UNKNOWN,
            PhoneNumberType.VOICEMAIL,
            PhoneNumberType.PERSONAL_NUMBER);

    /** The number the refusal suggests: one that {@link #parse} accepts, a UK mobile. */
    static final String EXAMPLE = "+447400123456";

    private PhoneNumbers() {}

    /** A valid number: E.164, its ISO country and whether it can take missed calls and SMS. */
    public record Phone(String e164, String country, PhoneNumberType type) {

        public boolean isMobile() {
            return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }

        public boolean mayBeDialled() {
            return !NEVER_DIALLED.contains(type);
        }

        /** For logs: the country code and the last two digits only. */
        public String masked() {
            return mask(e164);
        }
    }

    public static Phone parse(String input) {
        String normalised = normalise(input);
        try {
            var number = UTIL.parse(normalised, "ZZ");
            // a type is what isValidNumber looks for too: asked once, not three times over (each
            // asking matches the number against its country's patterns, per start and per send)
            var type = UTIL.getNumberType(number);
            if (type == PhoneNumberType.UNKNOWN || number.hasExtension()) {
                throw invalid();
            }
            return new Phone(UTIL.format(number, PhoneNumberFormat.E164), UTIL.getRegionCodeForNumber(number), type);
        } catch (NumberParseException e) {
            throw invalid();
        }
    }

    /** Masks a number for logs and the console: {@code +44*******23}. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "***";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }

    private static String normalise(String input) {
        if (input == null || input.isBlank() || input.length() > MAX_INPUT_LENGTH) {
            throw invalid();
        }
        var out = new StringBuilder();
        for (int i = 0; i < input.length(); ) {
            int c = input.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '+' && out.isEmpty()) {
                out.append('+');
            } else if (!SEPARATORS.contains(c)) {
                throw invalid();
            }
        }
        String digits = out.toString();
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.startsWith("+") || digits.length() < 4) {
            throw invalid();
        }
        return digits;
    }

    private static Refusal invalid() {
        return new Refusal(
                Refusal.Reason.INVALID_PHONE, "Give the phone number in international form, e.g. " + EXAMPLE + ".");
    }
}
