package dev.ringproof.verification.control;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The texts of SMS and voice codes, per locale (en, de, fr, es; others get English). */
public final class MessageTexts {

    private static final Map<String, String> SMS = Map.of(
            "en", "Your %s code is %s",
            "de", "Ihr %s-Code lautet %s",
            "fr", "Votre code %s est %s",
            "es", "Tu código de %s es %s");
    private static final Map<String, String> VOICE = Map.of(
            "en", "Your %s code is %s. Again, your code is %s.",
            "de", "Ihr %s-Code lautet %s. Noch einmal: %s.",
            "fr", "Votre code %s est %s. Je répète : %s.",
            "es", "Tu código de %s es %s. Repito: %s.");

    private MessageTexts() {}

    public static String sms(String locale, String tenantName, String code) {
        return String.format(SMS.get(language(locale)), tenantName, code);
    }

    /** Digits are spelled one by one so a speech engine reads "1, 2, 3", not "one hundred twenty-three". */
    public static String voice(String locale, String tenantName, String code) {
        String spelled = code.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(", "));
        return String.format(VOICE.get(language(locale)), tenantName, spelled, spelled);
    }

    static String language(String locale) {
        String language = locale == null
                ? "en"
                : Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return SMS.containsKey(language) ? language : "en";
    }
}
