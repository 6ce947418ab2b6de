package dev.kassa.platform.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kassa.platform.data.Coded;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * An uploaded table, recognised by its bytes (never by its name or declared type): an XLSX workbook (its first sheet),
 * or CSV text as Excel and others write it (UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1251; columns
 * separated by {@code ;}, {@code ,} or a tab, whichever the header row uses). A workbook is unpacked once, counting, to
 * see that it stays within what the service can hold ({@code kassa.imports.max-unpacked}: a zip bomb or a few MB of
 * shared strings that unpack to hundreds do not) before its reader opens it; its XML is read without DTDs or external
 * entities (FastExcel's reader turns them off). A number cell is read within the bounds of a CSV number
 * ({@link ImportRow#parseDecimal}): one beyond them is kept as written, and refused on its row where a number is wanted.
 */
public final class ImportFile {

    /** The kinds of table taken. */
    public enum Format implements Coded {
        CSV("csv"),
        XLSX("xlsx");

        private final String code;

        Format(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final Format format;
    private final byte[] bytes;

    private ImportFile(Format format, byte[] bytes) {
        this.format = format;
        this.bytes = bytes;
    }

    /**
     * The file as its bytes say; refused when it is neither a workbook nor text, or when a workbook unpacks to more than
     * {@code maxUnpacked} bytes (400 {@code file_too_large}).
     */
    public static ImportFile of(byte[] bytes, long maxUnpacked) {
        if (ReadableWorkbook.isOLE2Header(bytes)) {
            throw ImportErrors.OLD_EXCEL.exception();
        }
        if (ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            checkWorkbook(bytes, maxUnpacked);
            return new ImportFile(Format.XLSX, bytes);
        }
        text(bytes);
        return new ImportFile(Format.CSV, bytes);
    }

    /** A file already checked by {@link #of} (a job's, read back). */
    static ImportFile checked(Format format, byte[] bytes) {
        return new ImportFile(format, bytes);
    }

    public Format format() {
        return format;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The table's rows, the header first; each row is its cells' text, numbers written plainly ({@code 14500.5}). */
    Table open() {
        try {
            return format == Format.XLSX ? new Workbook(bytes) : new Text(text(bytes));
        } catch (IOException | RuntimeException e) {
            throw broken(e);
        }
    }

    /**
     * The rows of a table; {@link #number()} is the row last given as a spreadsheet numbers it. Closing it closes what
     * its reader opened, the last first.
     */
    abstract static class Table implements Iterator<List<String>>, Closeable {
        private final List<Closeable> resources = new ArrayList<>();
        protected int number;

        int number() {
            return number;
        }

        /** Keeps {@code resource} to close with the table. */
        protected <T extends Closeable> T closing(T resource) {
            resources.add(0, resource);
            return resource;
        }

        @Override
        public void close() {
            try {
                for (Closeable resource : resources) {
                    resource.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static RuntimeException broken(Exception e) {
        if (e instanceof dev.kassa.platform.error.KassaException k) {
            return k;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ImportErrors.FILE_BROKEN.exception(reason.length() > 200 ? reason.substring(0, 200) : reason);
    }

    /**
     * Unpacks the workbook, counting, and stops at {@code limit}: a bomb is refused before anything parses it, and so is a
     * zip that is not a workbook.
     */
    private static void checkWorkbook(byte[] bytes, long limit) {
        long unpacked = 0;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                workbook |= entry.getName().equals("xl/workbook.xml");
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        unpacked += n;
                        if (unpacked > limit) {
                            throw ImportErrors.UNPACKS_TOO_LARGE.exception(Math.max(1, limit / (1024 * 1024)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw broken(e);
        }
        if (!workbook) {
            throw ImportErrors.NOT_A_TABLE.exception();
        }
    }

    /** The file's text: by its BOM, else UTF-8 if it decodes as such, else Windows-1251; binary data is not a table. */
    static String text(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        for (int i = start; i < Math.min(bytes.length, 64 * 1024); i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 || b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0c) {
                throw ImportErrors.NOT_A_TABLE.exception();
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1251);
        }
    }

    /** The separator the header row uses most outside quotes: {@code ;} (Russian Excel), {@code ,} or a tab. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /** CSV through Jackson's reader: each record a row, quoted line breaks kept in their cell. */
    private static final class Text extends Table {
        private final MappingIterator<String[]> records;

        Text(String text) throws IOException {
            CsvMapper mapper = new CsvMapper();
            mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
            this.records = closing(mapper.readerFor(String[].class).with(schema).readValues(new StringReader(text)));
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNextValue();
            } catch (IOException e) {
                throw broken(e);
            }
        }

        @Override
        public List<String> next() {
            try {
                String[] cells = records.nextValue();
                number++;
                return List.of(cells);
            } catch (IOException e) {
                throw broken(e);
            }
        }
    }

    /** The first sheet of a workbook, row by row as FastExcel's reader streams it. */
    static final class Workbook extends Table {
        private final Iterator<Row> rows;

        Workbook(byte[] bytes) throws IOException {
            InputStream in = new ByteArrayInputStream(bytes);
            ReadableWorkbook book = closing(new ReadableWorkbook(in));
            Sheet sheet = book.getFirstSheet();
            Stream<Row> stream = sheet.openStream();
            closing(stream::close);
            this.rows = stream.iterator();
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = rows.next();
            number = row.getRowNum();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return cells;
        }

        private static String text(Cell cell) {
            if (cell == null) {
                return "";
            }
            return switch (cell.getType()) {
                case NUMBER -> plain(cell.getRawValue());
                case BOOLEAN -> "1".equals(cell.getRawValue()) ? "true" : "false";
                case EMPTY -> "";
                case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue();
                default -> cell.getText() == null ? "" : cell.getText();
            };
        }

        /**
         * A number cell written plainly ({@code 14500.5}) when it is within a CSV number's bounds; as the workbook holds it
         * otherwise ({@code 1E999999999} would be a gigabyte written plainly), which no number column then takes.
         */
        static String plain(String raw) {
            if (raw == null) {
                return "";
            }
            BigDecimal number = ImportRow.parseDecimal(raw);
            return number == null ? raw : number.stripTrailingZeros().toPlainString();
        }
    }
}
