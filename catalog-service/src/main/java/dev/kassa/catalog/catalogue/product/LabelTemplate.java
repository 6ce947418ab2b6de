package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.Coded;

/**
 * The sheets labels are printed on, sizes in millimetres: an A4 sheet of 40 (4 × 10, 52.5 × 29.7 mm, as office label
 * paper comes) and two rolls of a thermal label printer, one label a page.
 */
enum LabelTemplate implements Coded {
    A4_40("a4-40", 210, 297, 4, 10),
    ROLL_58X40("58x40", 58, 40, 1, 1),
    ROLL_30X20("30x20", 30, 20, 1, 1);

    /** Points per millimetre (PDF's unit is 1/72 inch). */
    static final float MM = 72f / 25.4f;

    private final String code;
    final float pageWidth;
    final float pageHeight;
    final int columns;
    final int rows;

    LabelTemplate(String code, float pageWidthMm, float pageHeightMm, int columns, int rows) {
        this.code = code;
        this.pageWidth = pageWidthMm * MM;
        this.pageHeight = pageHeightMm * MM;
        this.columns = columns;
        this.rows = rows;
    }

    @Override
    public String code() {
        return code;
    }

    int perPage() {
        return columns * rows;
    }

    float labelWidth() {
        return pageWidth / columns;
    }

    float labelHeight() {
        return pageHeight / rows;
    }
}
