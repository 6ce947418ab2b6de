package dev.kassa.platform.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file as Excel opens it without an import dialog: UTF-8 with a byte order mark, {@code ;} between cells where
 * the decimal separator is a comma (Russian), {@code ,} where it is a point, CRLF between rows; quoting by Jackson's CSV
 * writer.
 */
final class CsvTable implements TableWriter {

    private static final CsvMapper CSV =
            CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private final Writer out;
    private final SequenceWriter rows;
    private final Cells cells;

    CsvTable(OutputStream stream, Cells cells) throws IOException {
        this.cells = cells;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        out.write('\uFEFF');
        CsvSchema schema = CsvSchema.emptySchema()
                .withColumnSeparator(cells.decimalPoint() ? ',' : ';')
                .withLineSeparator("\r\n");
        this.rows = CSV.writer(schema).writeValues(out);
    }

    @Override
    public void row(List<?> values) {
        String[] row = new String[values.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = cells.text(values.get(i));
        }
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
        out.flush();
    }
}
