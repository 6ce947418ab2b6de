package dev.kassa.sales.print;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * A printout as the byte stream of a thermal till printer (ESC/POS, escpos-coffee): the printer initialised, its code
 * page set to CP866 (Cyrillic, code table 17 of Epson's list, which most 58 and 80 mm printers share) and the text
 * encoded in it, rows padded to the paper's columns, the link's QR code drawn by the printer itself, then the paper fed
 * and cut. Characters the code page lacks print as {@code ?}. Only the commands written here reach the printer: every
 * text is {@link #printable} first, so a name holding {@code ESC p} (open the drawer) or a NUL prints as text without it.
 */
final class EscPosPrintout {

    /** CP866 as Java names it. */
    static final String CHARSET = "cp866";

    private EscPosPrintout() {}

    static byte[] render(Printout printout, Paper paper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EscPos printer = new EscPos(out)) {
            printer.initializePrinter();
            printer.setCharacterCodeTable(EscPos.CharacterCodeTable.CP866_Cyrillic_2);
            printer.setCharsetName(CHARSET);
            Style plain = new Style();
            Style centered = new Style().setJustification(EscPosConst.Justification.Center);
            Style heading = new Style(centered).setBold(true).setFontSize(Style.FontSize._1, Style.FontSize._2);
            Style strong = new Style().setBold(true);
            String rule = "-".repeat(paper.columns);
            CharsetEncoder codePage = Charset.forName(CHARSET).newEncoder();
            for (Printout.Entry e : printout.entries()) {
                String left = printable(e.left(), codePage);
                String right = printable(e.right(), codePage);
                switch (e.kind()) {
                    case HEADING -> printer.writeLF(heading, cut(left, paper.columns));
                    case CENTER -> printer.writeLF(centered, cut(left, paper.columns));
                    case TEXT -> printer.writeLF(plain, left);
                    case ROW -> printer.writeLF(plain, row(left, right, paper.columns));
                    case STRONG_ROW -> printer.writeLF(strong, row(left, right, paper.columns));
                    case RULE -> printer.writeLF(plain, rule);
                }
            }
            if (printout.link() != null) {
                printer.feed(1);
                printer.write(
                        new QRCode()
                                .setSize(paper == Paper.MM58 ? 5 : 6)
                                .setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                                .setJustification(EscPosConst.Justification.Center),
                        printout.link());
            }
            printer.feed(4);
            printer.cut(EscPos.CutMode.PART);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The text as the printer takes it: control characters (C0, DEL, C1) left out, as the printer would run them as
     * commands (tabs and line breaks as spaces: an entry is one line), and each character the code page lacks (an emoji,
     * half of a surrogate pair) as one {@code ?}, so that a row's columns are counted as they print.
     */
    static String printable(String text, CharsetEncoder codePage) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c >= ' ' && c < 0x7f) {
                out.append((char) c);
            } else if (Character.isISOControl(c)) {
                if (Character.isWhitespace(c) || c == 0x85) {
                    out.append(' ');
                }
            } else if (Character.getType(c) == Character.SURROGATE || !codePage.canEncode(text.substring(i, next))) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out.toString();
    }

    /** The label on the left and the value on the right of one line of {@code columns}; a long label is cut. */
    static String row(String left, String right, int columns) {
        int room = Math.max(1, columns - right.length() - 1);
        String label = cut(left, room);
        return label + " ".repeat(Math.max(1, columns - label.length() - right.length())) + right;
    }

    private static String cut(String text, int columns) {
        return text.length() <= columns ? text : text.substring(0, Math.max(1, columns - 1)) + ".";
    }
}
