package dev.kassa.platform.export;

import dev.kassa.platform.data.Coded;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An XLSX workbook of one sheet written as it streams (FastExcel): numbers as numbers, times as dates in the store's zone,
 * yes and no as booleans, text inline (no shared-strings table growing with the file), the header row bold and frozen;
 * the sheet is flushed every thousand rows.
 */
final class XlsxTable implements TableWriter {

    private static final int FLUSH_EVERY = 1000;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final Cells cells;
    private int row;

    XlsxTable(OutputStream out, Cells cells, String name) {
        this.cells = cells;
        this.workbook = new Workbook(out, "Kassa", "1.0");
        this.sheet = workbook.newWorksheet(name);
    }

    @Override
    public void row(List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            cell(c, values.get(c));
        }
        if (row == 0) {
            sheet.range(0, 0, 0, Math.max(values.size() - 1, 0)).style().bold().set();
            sheet.freezePane(0, 1);
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void cell(int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number n) {
            sheet.value(row, c, n);
        } else if (value instanceof Boolean b) {
            sheet.value(row, c, b);
        } else if (value instanceof Instant t) {
            sheet.value(row, c, cells.local(t));
            sheet.style(row, c).format("yyyy-mm-dd hh:mm:ss").set();
        } else if (value instanceof LocalDate d) {
            sheet.value(row, c, d);
            sheet.style(row, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Coded coded) {
            sheet.inlineString(row, c, coded.code());
        } else {
            sheet.inlineString(row, c, value.toString());
        }
    }

    @Override
    public void close() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
