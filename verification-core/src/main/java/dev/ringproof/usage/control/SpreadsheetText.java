package dev.ringproof.usage.control;

/**
 * Text for a CSV cell that no spreadsheet runs as a formula, whatever separator it splits
 * lines on. A spreadsheet starts a cell at the start of the field and, if it splits on a
 * character other than the file's comma or ignores the quotes, after any of
 * {@code , ; | tab CR LF "} inside it: a tenant named {@code Acme;=1+1} opened with {@code ;}
 * as the separator has a cell {@code =1+1}. Wherever a cell can start (after any spaces),
 * a character that begins a formula ({@code = + - @ tab CR}, OWASP's list) gets a single
 * quote before it, which spreadsheets read as "this is text". A single quote there gets one
 * too, so that {@link #original} gives the exact text back.
 */
public final class SpreadsheetText {

    /** After these a spreadsheet may start a new cell: separators people configure, line breaks, a quote. */
    private static final String CELL_BREAKS = ",;|\t\r\n\"";
    /** These start a formula where a cell starts; the quote is here so the change can be undone. */
    private static final String FORMULA_STARTS = "=+-@\t\r'";

    private static final char NEUTRAL = '\'';

    private SpreadsheetText() {}

    public static String inert(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length() + 4);
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cellStart && c == ' ') {
                out.append(c);
                continue;
            }
            if (cellStart && FORMULA_STARTS.indexOf(c) >= 0) {
                out.append(NEUTRAL);
            }
            out.append(c);
            cellStart = CELL_BREAKS.indexOf(c) >= 0;
        }
        return out.toString();
    }

    /** The text that {@link #inert} was given, from what it made: for whoever needs a name exactly. */
    public static String original(String inert) {
        if (inert == null) {
            return null;
        }
        var out = new StringBuilder(inert.length());
        boolean cellStart = true;
        for (int i = 0; i < inert.length(); i++) {
            char c = inert.charAt(i);
            if (cellStart && c == ' ') {
                out.append(c);
                continue;
            }
            if (cellStart && c == NEUTRAL && i + 1 < inert.length()) {
                c = inert.charAt(++i);
            }
            out.append(c);
            cellStart = CELL_BREAKS.indexOf(c) >= 0;
        }
        return out.toString();
    }
}
