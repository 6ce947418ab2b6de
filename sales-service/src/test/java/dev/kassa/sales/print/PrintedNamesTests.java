package dev.kassa.sales.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a name holds (issue 84, point 4), a printout prints it as text: a control character never reaches a thermal
 * printer's stream as a command (a name's {@code ESC p} would open the cash drawer on every receipt), and a character the
 * font or the code page lacks (an emoji) prints as a replacement instead of failing the document.
 */
class PrintedNamesTests {

    static final String OPENS_THE_DRAWER = "Пицца \u001Bp\u0000\u0019 🍕";

    static Printout receipt(String name) {
        return Printout.titled("Чек 1")
                .heading(name)
                .center(name + "\n" + name)
                .rule()
                .text(name)
                .text("\t+ Сыр\u009b")
                .row("  1 x 12 000,00 " + name, "12 000,00")
                .strongRow("ИТОГО", "12 000,00")
                .build();
    }

    @Test
    void aNameHoldingEscPPrintsAsTextAndNeverOpensTheCashDrawer() {
        byte[] stream = EscPosPrintout.render(receipt(OPENS_THE_DRAWER), Paper.MM80);

        String hex = HexFormat.of().formatHex(stream);
        assertThat(hex)
                .as("the printer is still set up by the renderer's own commands")
                .startsWith("1b40");
        for (int i = 0; i + 1 < stream.length; i++) {
            assertThat(stream[i] == 0x1b && stream[i + 1] == 'p')
                    .as("ESC p (the cash drawer's pulse) at byte " + i + " of " + hex)
                    .isFalse();
        }
        String printed = new String(stream, Charset.forName(EscPosPrintout.CHARSET));
        assertThat(printed)
                .as("the name's text stays, what the code page lacks as ?")
                .contains("Пицца p ?")
                .contains(" + Сыр\n");
        // a row is as wide as the paper, the emoji counted as the one ? it prints
        String line = "  1 x 12 000,00 Пицца p ?";
        assertThat(printed).contains(line + " ".repeat(48 - line.length() - 9) + "12 000,00\n");
        assertThat(printed).contains("ИТОГО" + " ".repeat(48 - 5 - 9) + "12 000,00\n");
    }

    @Test
    void aCharacterOutsideTheCodePageIsOneQuestionMarkAndControlsAreLeftOut() {
        var cp866 = Charset.forName(EscPosPrintout.CHARSET).newEncoder();
        assertThat(EscPosPrintout.printable("Пицца 🍕\u001Bp\u0000\u0019", cp866))
                .isEqualTo("Пицца ?p");
        assertThat(EscPosPrintout.printable("две\nстроки\tи\u0085всё", cp866)).isEqualTo("две строки и всё");
        assertThat(EscPosPrintout.printable("\uD83Dполовина", cp866)).isEqualTo("?половина");
        assertThat(EscPosPrintout.printable(null, cp866)).isEmpty();
    }

    @Test
    void anEmojiNameMakesAPdfWithTheRestOfItsText() throws Exception {
        byte[] pdf = PdfPrintout.render(receipt(OPENS_THE_DRAWER), Paper.MM58);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Пицца", "Сыр", "ИТОГО", "12 000,00");
            assertThat(text).doesNotContain("\u001B", "\u0000");
        }
    }
}
