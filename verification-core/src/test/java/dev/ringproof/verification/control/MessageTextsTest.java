package dev.ringproof.verification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTextsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|Your Acme code is 123456",
                "de|Ihr Acme-Code lautet 123456",
                "de-CH|Ihr Acme-Code lautet 123456",
                "fr|Votre code Acme est 123456",
                "es|Tu código de Acme es 123456",
                "ja|Your Acme code is 123456",
                "xx_YY|Your Acme code is 123456"
            })
    void smsTextIsInTheLocaleOrEnglish(String locale, String text) {
        assertThat(MessageTexts.sms(locale, "Acme", "123456")).isEqualTo(text);
    }

    @Test
    void voiceSpellsTheDigitsTwice() {
        assertThat(MessageTexts.voice("en", "Acme", "042"))
                .isEqualTo("Your Acme code is 0, 4, 2. Again, your code is 0, 4, 2.");
    }
}
