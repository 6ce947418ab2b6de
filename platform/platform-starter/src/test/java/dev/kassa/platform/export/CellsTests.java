package dev.kassa.platform.export;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTests {

    final Cells russian = new Cells(ZoneId.of("Asia/Tashkent"), false, "да", "нет");
    final Cells english = new Cells(ZoneId.of("Asia/Tashkent"), true, "yes", "no");

    @Test
    void whatASpreadsheetWouldRunStaysTextAndNumbersAndPhonesStayAsTheyAre() {
        assertThat(Cells.defused("=1+2")).isEqualTo("'=1+2");
        assertThat(Cells.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cells.defused("+HYPERLINK(\"http://x\")")).isEqualTo("'+HYPERLINK(\"http://x\")");
        assertThat(Cells.defused("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(Cells.defused("\tx")).isEqualTo("'\tx");
        assertThat(Cells.defused("+998 90 123-45-67")).as("a phone").isEqualTo("+998 90 123-45-67");
        assertThat(Cells.defused("-12.50")).as("a number").isEqualTo("-12.50");
        assertThat(Cells.defused("Кока-Кола")).isEqualTo("Кока-Кола");
        assertThat(Cells.defused("")).isEmpty();
    }

    @Test
    void numbersTimesAndFlagsReadAsTheCallersSpreadsheetExpects() {
        assertThat(russian.text(new BigDecimal("1234.50"))).isEqualTo("1234,50");
        assertThat(english.text(new BigDecimal("1234.50"))).isEqualTo("1234.50");
        assertThat(russian.text(new BigDecimal("1E+3")))
                .as("never in exponent form")
                .isEqualTo("1000");
        assertThat(russian.text(7)).isEqualTo("7");
        assertThat(russian.text(true)).isEqualTo("да");
        assertThat(english.text(false)).isEqualTo("no");
        assertThat(russian.text(Instant.parse("2026-11-27T19:30:00Z")))
                .as("in the store's zone (UTC+5)")
                .isEqualTo("2026-11-28 00:30:00");
        assertThat(russian.text(LocalDate.of(2026, 11, 27))).isEqualTo("2026-11-27");
        assertThat(russian.text(null)).isEmpty();
    }
}
