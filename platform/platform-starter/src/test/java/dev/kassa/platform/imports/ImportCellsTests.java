package dev.kassa.platform.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a spreadsheet's cells and text are read: numbers as people and Excel write them, separators, encodings. */
class ImportCellsTests {

    @Test
    void numbersWithACommaOrAPointAndSpacesBetweenThousandsAreRead() {
        assertThat(ImportRow.parseDecimal("14 500,50")).isEqualByComparingTo("14500.50");
        assertThat(ImportRow.parseDecimal("14\u00a0500,5")).isEqualByComparingTo("14500.5");
        assertThat(ImportRow.parseDecimal("14500.5")).isEqualByComparingTo("14500.5");
        assertThat(ImportRow.parseDecimal("14,500.50")).isEqualByComparingTo("14500.50");
        assertThat(ImportRow.parseDecimal("14.500,50")).isEqualByComparingTo("14500.50");
        assertThat(ImportRow.parseDecimal("1,234,567")).isEqualByComparingTo("1234567");
        assertThat(ImportRow.parseDecimal("2,5")).isEqualByComparingTo("2.5");
        assertThat(ImportRow.parseDecimal("-3")).isEqualByComparingTo("-3");
        assertThat(ImportRow.parseDecimal("1.5E-3")).isEqualByComparingTo("0.0015");
        assertThat(ImportRow.parseDecimal("двенадцать")).isNull();
        assertThat(ImportRow.parseDecimal("12 шт")).isNull();
        assertThat(ImportRow.parseDecimal("1e999999")).isNull();
        assertThat(ImportRow.parseDecimal("1".repeat(65)))
                .as("beyond a number's bounds")
                .isNull();
    }

    @Test
    void aWorkbooksNumberCellIsWrittenPlainlyOnlyWithinACsvNumbersBounds() {
        assertThat(ImportFile.Workbook.plain("14500.50")).isEqualTo("14500.5");
        assertThat(ImportFile.Workbook.plain("4.78E12")).isEqualTo("4780000000000");
        assertThat(ImportFile.Workbook.plain("1E-3")).isEqualTo("0.001");
        assertThat(ImportFile.Workbook.plain("1E999999999"))
                .as("a gigabyte written plainly: kept as written, which no number column takes")
                .isEqualTo("1E999999999");
        assertThat(ImportRow.parseDecimal(ImportFile.Workbook.plain("1E999999999")))
                .isNull();
    }

    @Test
    void datesAsIsoAsRussianWriteThemOrAsAWorkbooksDayNumberAndNoDayThatDoesNotExist() {
        ImportRow row = new ImportRow(
                2,
                java.util.Map.of("a", "2026-11-27", "b", "27.11.2026", "c", "46353", "d", "31.02.1990", "e", "завтра"));
        assertThat(row.date("a")).isEqualTo("2026-11-27");
        assertThat(row.date("b")).isEqualTo("2026-11-27");
        assertThat(row.date("c")).isEqualTo("2026-11-27");
        assertThat(row.date("d")).isNull();
        assertThat(row.date("e")).isNull();
        assertThat(row.errors().asMap()).containsOnlyKeys("d", "e");
    }

    @Test
    void theHeaderRowsSeparatorIsTheOneItUsesOutsideQuotes() {
        assertThat(ImportFile.separator("Артикул;Наименование;Цена\n1,2;3,4;5")).isEqualTo(';');
        assertThat(ImportFile.separator("sku,name,\"price; with\"\n")).isEqualTo(',');
        assertThat(ImportFile.separator("sku\tname\tprice\n")).isEqualTo('\t');
        assertThat(ImportFile.separator("name\n")).isEqualTo(',');
    }

    @Test
    void textIsUtf8WithOrWithoutABomUtf16WithOneOrWindows1251AndBinaryIsNotATable() {
        String text = "Наименование;Цена\r\nЧай;4500\r\n";
        assertThat(ImportFile.text(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(ImportFile.text(bom)).isEqualTo(text);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertThat(ImportFile.text(utf16)).isEqualTo(text);
        assertThat(ImportFile.text(text.getBytes(Charset.forName("windows-1251"))))
                .isEqualTo(text);
        assertThatThrownBy(() -> ImportFile.text(new byte[] {'a', 0, 'b'})).hasMessageContaining("import_file_type");
    }
}
