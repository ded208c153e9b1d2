package dev.ringproof.api.verification;

import dev.ringproof.platform.boundary.Refusal;

/**
 * A code as a person or an SDK sends it: digits (any Unicode decimal digits, made ASCII),
 * or a whole caller number in E.164. Anything else is a malformed request, not a wrong
 * code, and uses up no check.
 */
public final class CodeInput {

    private CodeInput() {}

    public static String normalise(String code) {
        var out = new StringBuilder();
        for (int i = 0; i < code.length(); ) {
            int c = code.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '+' && out.isEmpty() && i == 1) {
                out.append('+');
            } else {
                throw Refusal.invalid("code", "must be the digits of the code, or the caller number in E.164");
            }
        }
        if (out.length() < (out.indexOf("+") == 0 ? 5 : 4)) {
            throw Refusal.invalid("code", "is too short");
        }
        return out.toString();
    }
}
