package dev.ringproof.ratelimit.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prefix the fraud guard watches a number under: its country code and the next three
 * digits ({@code +447400123456} -> {@code +44740}, {@code +12125550123} -> {@code +1212},
 * {@code +4915112345678} -> {@code +49151}). Three national digits name a mobile operator's
 * block or an area in most numbering plans, the unit that pumping rings through.
 */
public final class Prefixes {

    static final int NATIONAL_DIGITS = 3;
    /** An E.164 number as this reads it: '+', a non-zero digit, and up to 14 more. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private static final Set<Integer> CALLING_CODES =
            PhoneNumberUtil.getInstance().getSupportedCallingCodes();

    private Prefixes() {}

    /** The prefix of a number already in E.164. */
    public static String of(String e164) {
        // the country code's length is all that is needed; calling codes are prefix-free, so the first of
        // one to three leading digits that is a calling code is it (a full parse, three per start, cost 3 %)
        int countryCodeLength = 0;
        if (e164 != null && E164.matcher(e164).matches()) {
            for (int length = 1; length <= 3 && countryCodeLength == 0; length++) {
                if (CALLING_CODES.contains(Integer.parseInt(e164.substring(1, Math.min(e164.length(), 1 + length))))) {
                    countryCodeLength = length;
                }
            }
        }
        if (countryCodeLength == 0) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        return e164.substring(0, Math.min(e164.length(), 1 + countryCodeLength + NATIONAL_DIGITS));
    }

    /** Whether text is an E.164 prefix as admins and the deny list write it: '+' and 1-15 digits. */
    public static boolean isPrefix(String text) {
        return text != null && text.matches("\\+[0-9]{1,15}");
    }
}
