package dev.kassa.catalog.inventory.document;

import dev.kassa.catalog.inventory.document.DocumentPdf.Align;
import dev.kassa.catalog.inventory.document.DocumentPdf.Column;
import dev.kassa.platform.error.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A stock-take sheet (инвентаризационная опись) of a count: its name, when it was opened and by whom, the location it
 * covers (when it covers one), each product by name with its SKU, barcode, the locations where its stock lies (of a
 * location's count: that one), what is expected on the shelf (there; not for a blind count: its counters do not see
 * it), its unit and an empty box to write the counted figure in; lines to sign for who counted and who checked.
 */
final class CountSheet {

    private CountSheet() {}

    static DocumentPdf.Sheet sheet(
            Letterhead head,
            String number,
            DocumentRepository.Count count,
            String openedBy,
            List<DocumentContentRepository.CountLine> lines) {
        List<String> header = new ArrayList<>(List.of(
                Messages.get("document.count.name", count.name()),
                Messages.get("document.count.at", head.time(count.createdAt())),
                Messages.get("document.count.by", openedBy)));
        if (count.location() != null) {
            header.add(Messages.get("document.count.location", count.location()));
        }
        if (count.blind()) {
            header.add(Messages.get("document.count.blind"));
        }
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("document.no", 22, Align.TEXT),
                Column.of("document.name", 250, Align.TEXT),
                Column.of("document.sku", 80, Align.TEXT),
                Column.of("document.barcode", 85, Align.TEXT),
                Column.of("document.location", 90, Align.TEXT)));
        if (!count.blind()) {
            columns.add(Column.of("document.expected", 60, Align.FIGURE));
        }
        columns.add(Column.of("document.unit", 28, Align.TEXT));
        columns.add(Column.of("document.counted", 110, Align.WRITE_IN));
        List<List<String>> rows = new ArrayList<>();
        for (DocumentContentRepository.CountLine line : lines) {
            List<String> cells = new ArrayList<>(List.of(
                    String.valueOf(rows.size() + 1),
                    Letterhead.text(line.name()),
                    Letterhead.text(line.sku()),
                    Letterhead.text(line.barcode()),
                    Letterhead.text(line.locations())));
            if (!count.blind()) {
                cells.add(Letterhead.quantity(line.expected()));
            }
            cells.add(Letterhead.text(line.unit()));
            cells.add("");
            rows.add(cells);
        }
        return new DocumentPdf.Sheet(
                Messages.get("document.count.title", number),
                number,
                head.store(),
                header,
                columns,
                rows,
                List.of(),
                List.of(Messages.get("document.count.counted_by"), Messages.get("document.count.checked_by")));
    }
}
