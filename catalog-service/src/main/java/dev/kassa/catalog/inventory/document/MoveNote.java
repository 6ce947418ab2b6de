package dev.kassa.catalog.inventory.document;

import dev.kassa.catalog.inventory.document.DocumentPdf.Align;
import dev.kassa.catalog.inventory.document.DocumentPdf.Column;
import dev.kassa.platform.error.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A move note (накладная на внутреннее перемещение) of a move between the store's locations: when and by whom, each
 * line's product, batch, expiry, the location it left and the one it went to, and the quantity; lines to sign for who
 * handed the goods over and who took them. A line is a movement out of a batch paired with the movement into its copy
 * (same product and batch number, the same quantity) that follows it.
 */
final class MoveNote {

    private MoveNote() {}

    static DocumentPdf.Sheet sheet(
            Letterhead head, String number, List<DocumentContentRepository.Moved> movements, String movedBy) {
        List<String> header = new ArrayList<>();
        if (!movements.isEmpty()) {
            DocumentContentRepository.Moved first = movements.get(0);
            header.add(Messages.get("document.move.at", head.time(first.movedAt())));
            header.add(Messages.get("document.move.by", movedBy));
            if (!Letterhead.blank(first.note())) {
                header.add(Messages.get("document.notes", first.note()));
            }
        }
        return new DocumentPdf.Sheet(
                Messages.get("document.move.title", number),
                number,
                head.store(),
                header,
                GoodsTable.columns(
                        Column.of("document.from", 65, Align.TEXT),
                        Column.of("document.to", 65, Align.TEXT),
                        Column.of("document.quantity", 55, Align.FIGURE),
                        Column.of("document.unit", 28, Align.TEXT)),
                rows(movements),
                List.of(),
                List.of(Messages.get("document.move.handed"), Messages.get("document.move.taken")));
    }

    /** A row for each movement in, from the movement out that it pairs with; a movement out left alone has its own. */
    private static List<List<String>> rows(List<DocumentContentRepository.Moved> movements) {
        List<DocumentContentRepository.Moved> unpaired = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DocumentContentRepository.Moved m : movements) {
            if (m.goods().quantity().signum() < 0) {
                unpaired.add(m);
                continue;
            }
            DocumentContentRepository.Moved from =
                    unpaired.stream().filter(out -> pairs(out, m)).findFirst().orElse(null);
            unpaired.remove(from);
            rows.add(row(
                    rows.size() + 1,
                    m,
                    from == null ? "" : from.goods().location(),
                    m.goods().location()));
        }
        for (DocumentContentRepository.Moved out : unpaired) {
            rows.add(row(rows.size() + 1, out, out.goods().location(), ""));
        }
        return rows;
    }

    /** Whether the movement out of a batch is the one the movement in took its goods from. */
    private static boolean pairs(DocumentContentRepository.Moved out, DocumentContentRepository.Moved in) {
        return out.product() == in.product()
                && Objects.equals(out.goods().batchNumber(), in.goods().batchNumber())
                && out.goods().quantity().negate().compareTo(in.goods().quantity()) == 0;
    }

    private static List<String> row(int no, DocumentContentRepository.Moved m, String from, String to) {
        return GoodsTable.row(
                no,
                m.goods(),
                Letterhead.text(from),
                Letterhead.text(to),
                Letterhead.quantity(m.goods().quantity().abs()),
                Letterhead.text(m.goods().unit()));
    }
}
