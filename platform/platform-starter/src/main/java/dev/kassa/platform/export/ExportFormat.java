package dev.kassa.platform.export;

import dev.kassa.platform.data.Coded;
import org.springframework.http.MediaType;

/** The formats a list is exported in, as {@code ?format=} spells them. */
public enum ExportFormat implements Coded {
    /** UTF-8 with a byte order mark; {@code ;} and a decimal comma in Russian, {@code ,} and a decimal point in English. */
    CSV("text/csv;charset=UTF-8"),
    /** An Excel workbook, numbers as numbers and times as dates. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MediaType mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    public MediaType mediaType() {
        return mediaType;
    }
}
