package dev.kassa.catalog.inventory.transfer;

import dev.kassa.catalog.catalogue.product.ProductService;
import dev.kassa.catalog.inventory.stock.TransferStockService;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A receipt of a transfer at its destination (issue 64 point 5): each line's goods spread over the parts that left the
 * source, in the order they left, each piece a new batch with the part's cost, number and dates; with {@code close}, what
 * is still missing after it is lost at the source's cost and the transfer is received; each product's cost price follows
 * what came (weighted average). {@code TransferReceived} tells the source.
 */
@Service
class TransferReceiptService {

    private final TransferRepository transfers;
    private final TransferReceiptRepository made;
    private final TransferStockService stock;
    private final OutboxPublisher outbox;
    private final ProductService catalog;
    private final RequestRules rules;

    TransferReceiptService(
            TransferRepository transfers,
            TransferReceiptRepository made,
            TransferStockService stock,
            OutboxPublisher outbox,
            ProductService catalog,
            RequestRules rules) {
        this.rules = rules;
        this.transfers = transfers;
        this.made = made;
        this.stock = stock;
        this.outbox = outbox;
        this.catalog = catalog;
    }

    /** Whether a receipt was made under {@code requestKey} already (a retry answers as the transfer stands). */
    boolean madeUnder(String requestKey) {
        return requestKey != null && made.receiptOf(requestKey).isPresent();
    }

    /** Inside the transfer's lock: takes in what the receipt brings to this store's copy, and tells the source. */
    @Transactional(propagation = Propagation.MANDATORY)
    void receive(Caller caller, Transfer transfer, String requestKey, TransferService.TransferReceiveRequest r) {
        Transfer.Receiving receiving = transfer.receive(r, rules.check(r));
        Map<Long, List<Long>> batchesOfLine =
                takeIn(receiving.pieces(), transfer.row().number(), caller.userId(), r.location());
        Transfer.Outcome outcome = transfer.received(receiving, batchesOfLine);
        transfers.linesReceived(outcome.changes());
        long receipt = made.receipt(transfer.id(), requestKey, caller.userId(), r.notes() == null ? "" : r.notes());
        transfers.status(transfer.id(), transfer.status(), null);
        outbox.publish(TenantContext.require().key(), transfer.announced(receipt, caller.userId(), outcome));
    }

    /** Takes the pieces in, a batch each, and records each on its part; answers the new batches of each line. */
    private Map<Long, List<Long>> takeIn(Transfer.Pieces pieces, String reference, Long userId, Long location) {
        List<Long> batches =
                pieces.incoming().isEmpty() ? List.of() : receive(pieces.incoming(), reference, userId, location);
        List<TransferRepository.PartChange> partChanges = new ArrayList<>();
        Map<Long, List<Long>> batchesOfLine = new HashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            partChanges.add(new TransferRepository.PartChange(
                    pieces.parts().get(i), pieces.incoming().get(i).quantity(), batches.get(i)));
            batchesOfLine
                    .computeIfAbsent(pieces.lines().get(i), k -> new ArrayList<>())
                    .add(batches.get(i));
        }
        transfers.partsReceived(partChanges);
        return batchesOfLine;
    }

    /**
     * Takes the goods in, and moves each product's cost price to the weighted average of its stock and what came (as a
     * purchase receipt does), its stock and cost read under the products' locks.
     */
    private List<Long> receive(
            List<TransferStockService.Incoming> incoming, String reference, Long userId, Long location) {
        TransferStockService.Received in = stock.receive(incoming, reference, userId, location);
        catalog.costsFollowReceipts(in.averageCosts());
        return in.batches();
    }
}
