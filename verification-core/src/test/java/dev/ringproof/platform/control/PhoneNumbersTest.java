package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.ringproof.platform.boundary.Refusal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+447400123456",
                "+44 7400 123456",
                "+44 (0)7400 123456",
                "0044 7400 123456",
                "+44-7400-123-456",
                "+44.7400.123.456",
                "\uff0b\uff14\uff14\uff17\uff14\uff10\uff10\uff11\uff12\uff13\uff14\uff15\uff16",
                "+\u0664\u0664\u0667\u0664\u0660\u0660\u0661\u0662\u0663\u0664\u0665\u0666"
            })
    void readsCommonWritingsAsOneE164Number(String input) {
        var phone = PhoneNumbers.parse(input.replace('\uff0b', '+'));

        assertThat(phone.e164()).isEqualTo("+447400123456");
        assertThat(phone.country()).isEqualTo("GB");
        assertThat(phone.isMobile()).isTrue();
        assertThat(phone.mayBeDialled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "+",
                "447400123456",
                "+4474001234567890",
                "+99912345678",
                "tel:+447400123456",
                "+44 7400 123456 ext 1",
                "+44 7400 FLOWER",
                "112",
                "+44\u200b7400123456",
                "+447700900123",
                "++447400123456"
            })
    void refusesWhatIsNotAnInternationalNumber(String input) {
        assertThatThrownBy(() -> PhoneNumbers.parse(input))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_PHONE));
    }

    @Test
    void theRefusalSuggestsANumberThatTheSameCheckAccepts() {
        String detail = catchThrowableOfType(Refusal.class, () -> PhoneNumbers.parse("+447700900123"))
                .getMessage();
        var suggested = Pattern.compile("\\+\\d+").matcher(detail);
        assertThat(suggested.find()).as(detail).isTrue();

        var phone = PhoneNumbers.parse(suggested.group());

        assertThat(phone.e164()).isEqualTo(suggested.group());
        assertThat(phone.isMobile()).as("usable with every channel").isTrue();
        assertThat(phone.mayBeDialled()).isTrue();
    }

    @Test
    void knowsWhatMustNeverBeDialled() {
        assertThat(PhoneNumbers.parse("+19005551234").mayBeDialled()).isFalse();
        assertThat(PhoneNumbers.parse("+4930123456").isMobile()).isFalse();
        assertThat(PhoneNumbers.parse("+4930123456").mayBeDialled()).isTrue();
    }

    @Test
    void masksAllButCountryCodeAndLastTwoDigits() {
        assertThat(PhoneNumbers.mask("+447400123456")).isEqualTo("+44********56");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
    }

    /**
     * Against libphonenumber's own isValidNumber, getRegionCodeForNumber and getNumberType, asked
     * separately: the example numbers of every type of every region, each also with its last digit
     * dropped and with one added, so that as many are refused as taken.
     */
    @Test
    void acceptsWhatLibphonenumberCallsValidWithItsCountryAndType() {
        var util = PhoneNumberUtil.getInstance();
        int taken = 0;
        int refused = 0;
        for (String region : util.getSupportedRegions()) {
            for (var kind : PhoneNumberUtil.PhoneNumberType.values()) {
                var example = util.getExampleNumberForType(region, kind);
                if (example == null) {
                    continue;
                }
                String e164 = util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                for (String input : List.of(e164, e164.substring(0, e164.length() - 1), e164 + "7")) {
                    var number = parsedOrNull(util, input);
                    if (number != null && util.isValidNumber(number)) {
                        var phone = PhoneNumbers.parse(input);
                        assertThat(phone.country()).as(input).isEqualTo(util.getRegionCodeForNumber(number));
                        assertThat(phone.type()).as(input).isEqualTo(util.getNumberType(number));
                        taken++;
                    } else {
                        assertThatThrownBy(() -> PhoneNumbers.parse(input))
                                .as(input)
                                .isInstanceOf(Refusal.class);
                        refused++;
                    }
                }
            }
        }
        assertThat(taken).isGreaterThan(1000);
        assertThat(refused).isGreaterThan(1000);
    }

    private static Phonenumber.PhoneNumber parsedOrNull(PhoneNumberUtil util, String input) {
        try {
            return util.parse(input, "ZZ");
        } catch (NumberParseException e) {
            return null;
        }
    }
}
