package dev.kassa.sales.print;

import dev.kassa.sales.SalesErrors;

/**
 * A till printer's paper: 58 or 80 mm wide, of which the printer reaches 48 or 72 mm, 32 or 48 characters of its
 * standard font (ESC/POS font A).
 */
enum Paper {
    MM58(58, 48, 32),
    MM80(80, 72, 48);

    /** Points in a millimetre (PDF). */
    static final float POINTS_PER_MM = 72 / 25.4f;

    final int width;
    final int printable;
    final int columns;

    Paper(int width, int printable, int columns) {
        this.width = width;
        this.printable = printable;
        this.columns = columns;
    }

    /** The paper of {@code width} (58 or 80, 80 when not said); else 400 {@code print_width_invalid}. */
    static Paper of(Integer width) {
        if (width == null || width == 80) {
            return MM80;
        }
        if (width == 58) {
            return MM58;
        }
        throw SalesErrors.PRINT_WIDTH_INVALID.exception();
    }

    float widthPoints() {
        return width * POINTS_PER_MM;
    }

    float marginPoints() {
        return (width - printable) / 2f * POINTS_PER_MM;
    }
}
