package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "=1+2 | '=1+2",
                "+1 | '+1",
                "-1 | '-1",
                "@SUM(A1) | '@SUM(A1)",
                ";=1+1 | ;'=1+1",
                "Acme,-2 | Acme,'-2",
                "a; =1 | a; '=1",
                "a\"@x | a\"'@x",
                "'=1 | ''=1",
                "`  +1` | `  '+1`",
                "a=b | a=b",
                "1-800 Flowers | 1-800 Flowers",
                "O'Brien | O'Brien"
            })
    void aQuoteGoesBeforeEveryFormulaWhereACellCanStart(String text, String inert) {
        assertThat(SpreadsheetText.inert(text)).isEqualTo(inert);
        assertThat(SpreadsheetText.original(inert)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {"\\tx | '\\tx", "a\\t+1 | a\\t'+1", "a\\r\\n=1 | a\\r\\n'=1", "\\t\\t= | '\\t'\\t'="})
    void controlCharactersAreCellStartsAndFormulaStarts(String text, String inert) {
        String realText = text.replace("\\t", "\t").replace("\\r", "\r").replace("\\n", "\n");
        String realInert = inert.replace("\\t", "\t").replace("\\r", "\r").replace("\\n", "\n");

        assertThat(SpreadsheetText.inert(realText)).isEqualTo(realInert);
        assertThat(SpreadsheetText.original(realInert)).isEqualTo(realText);
    }
}
