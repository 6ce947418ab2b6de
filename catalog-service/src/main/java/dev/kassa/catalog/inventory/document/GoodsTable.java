package dev.kassa.catalog.inventory.document;

import dev.kassa.catalog.inventory.document.DocumentPdf.Align;
import dev.kassa.catalog.inventory.document.DocumentPdf.Column;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of goods that the receipt note, the waybill and the move note share: its first columns (number, name, SKU,
 * batch, expiry) and a row's first cells, each document adding its own after them; goods at cost (the receipt's and the
 * waybill's) with their quantity, unit, cost and sum, and the totals.
 */
final class GoodsTable {

    /** Rows of goods at cost, with the sum of their costs. */
    record Priced(List<List<String>> rows, BigDecimal total) {}

    private GoodsTable() {}

    /** The shared columns, then {@code more}. */
    static List<Column> columns(Column... more) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("document.no", 20, Align.TEXT),
                Column.of("document.name", 240, Align.TEXT),
                Column.of("document.sku", 75, Align.TEXT),
                Column.of("document.batch", 85, Align.TEXT),
                Column.of("document.expiry", 58, Align.TEXT)));
        columns.addAll(List.of(more));
        return columns;
    }

    /** A row's shared cells for the goods at place {@code no}, then {@code more}. */
    static List<String> row(int no, DocumentContentRepository.Goods goods, String... more) {
        List<String> cells = new ArrayList<>(List.of(
                String.valueOf(no),
                Letterhead.text(goods.name()),
                Letterhead.text(goods.sku()),
                Letterhead.text(goods.batchNumber()),
                Letterhead.date(goods.expiry())));
        cells.addAll(List.of(more));
        return cells;
    }

    /** The columns of goods at cost: the shared ones, the location where {@code located}, quantity, unit, cost, sum. */
    static List<Column> pricedColumns(boolean located) {
        List<Column> columns = columns();
        if (located) {
            columns.add(Column.of("document.location", 60, Align.TEXT));
        }
        columns.addAll(List.of(
                Column.of("document.quantity", 50, Align.FIGURE),
                Column.of("document.unit", 28, Align.TEXT),
                Column.of("document.cost", 62, Align.FIGURE),
                Column.of("document.sum", 72, Align.FIGURE)));
        return columns;
    }

    /** The rows of {@link #pricedColumns} for the lines, each at its place, and their totals. */
    static Priced priced(List<DocumentContentRepository.Goods> lines, boolean located) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (DocumentContentRepository.Goods g : lines) {
            BigDecimal sum = g.quantity().multiply(g.cost()).setScale(2, RoundingMode.HALF_UP);
            total = total.add(sum);
            List<String> cells = new ArrayList<>();
            if (located) {
                cells.add(Letterhead.text(g.location()));
            }
            cells.addAll(List.of(
                    Letterhead.quantity(g.quantity()),
                    Letterhead.text(g.unit()),
                    Letterhead.money(g.cost()),
                    Letterhead.money(sum)));
            rows.add(row(g.no(), g, cells.toArray(String[]::new)));
        }
        return new Priced(rows, total);
    }
}
