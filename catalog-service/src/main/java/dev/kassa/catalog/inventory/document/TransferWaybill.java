package dev.kassa.catalog.inventory.document;

import dev.kassa.platform.error.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A transfer waybill (накладная на перемещение), for the driver and the receiving store: from which store to which,
 * when and by whom it was shipped, each line batch by batch (number, expiry, quantity, unit, cost, sum), the number of
 * rows and the total, and lines to sign for who released the goods, the driver and who received them. Both stores print
 * the same paper.
 */
final class TransferWaybill {

    private TransferWaybill() {}

    static DocumentPdf.Sheet sheet(
            Letterhead head,
            String number,
            DocumentRepository.Shipment transfer,
            String from,
            String to,
            String shippedBy,
            List<DocumentContentRepository.Goods> lines) {
        List<String> header = new ArrayList<>(List.of(
                Messages.get("document.waybill.from", from),
                Messages.get("document.waybill.to", to),
                Messages.get("document.waybill.at", head.time(transfer.shippedAt())),
                Messages.get("document.waybill.by", shippedBy)));
        if (!Letterhead.blank(transfer.notes())) {
            header.add(Messages.get("document.notes", transfer.notes()));
        }
        GoodsTable.Priced priced = GoodsTable.priced(lines, false);
        return new DocumentPdf.Sheet(
                Messages.get("document.waybill.title", transfer.number()),
                number,
                head.store(),
                header,
                GoodsTable.pricedColumns(false),
                priced.rows(),
                List.of(
                        Messages.get(
                                "document.waybill.lines",
                                String.valueOf(priced.rows().size())),
                        Messages.get("document.total", Letterhead.money(priced.total()))),
                List.of(
                        Messages.get("document.waybill.released"),
                        Messages.get("document.waybill.driver"),
                        Messages.get("document.waybill.received")));
    }
}
