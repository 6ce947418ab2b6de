package dev.kassa.catalog.inventory.document;

import dev.kassa.platform.error.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A goods receipt note (приходная накладная), for a purchase order's receipt or a batch received by hand: the
 * supplier, the order, when and by whom the goods were taken in, each line's product, batch, expiry, location,
 * quantity, unit, cost and sum, the total, and lines for the supplier's and the store's signatures.
 */
final class GoodsReceiptNote {

    private GoodsReceiptNote() {}

    static DocumentPdf.Sheet sheet(
            Letterhead head,
            String number,
            DocumentContentRepository.Receipt receipt,
            String receivedBy,
            List<DocumentContentRepository.Goods> lines) {
        List<String> header = new ArrayList<>();
        String supplier = Stream.of(receipt.supplier(), receipt.supplierPhone(), receipt.supplierAddress())
                .filter(v -> !Letterhead.blank(v))
                .collect(Collectors.joining(", "));
        if (!supplier.isEmpty()) {
            header.add(Messages.get("document.receipt.supplier", supplier));
        }
        if (receipt.orderNumber() != null) {
            header.add(Messages.get("document.receipt.order", receipt.orderNumber()));
        }
        header.add(Messages.get("document.receipt.at", head.time(receipt.receivedAt())));
        header.add(Messages.get("document.receipt.by", receivedBy));
        if (!Letterhead.blank(receipt.notes())) {
            header.add(Messages.get("document.notes", receipt.notes()));
        }
        GoodsTable.Priced priced = GoodsTable.priced(lines, true);
        return new DocumentPdf.Sheet(
                Messages.get("document.receipt.title", number),
                number,
                head.store(),
                header,
                GoodsTable.pricedColumns(true),
                priced.rows(),
                List.of(Messages.get("document.total", Letterhead.money(priced.total()))),
                List.of(Messages.get("document.receipt.handed"), Messages.get("document.receipt.taken")));
    }
}
