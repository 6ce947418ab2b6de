package dev.kassa.catalog.inventory.transfer;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.product.ProductShareService;
import dev.kassa.catalog.inventory.stock.TransferStockService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transfers between an owner's stores (issue 64 points 5-6): drafted at the source by the owner or a manager of both
 * stores, shipped there (the goods leave its batches, FEFO, into "in transit"), and received at the destination in one or
 * several receipts (batches with the same cost, number and dates), what never came recorded as lost at the source's
 * cost. Each store keeps its own copy; the hand-over goes through the outbox ({@code TransferShipped},
 * {@code TransferReceived}) and catalog's idempotent transfer consumer, never one transaction
 * over the two stores.
 */
@Service
public class TransferService {

    /** At most this many lines in a transfer. */
    static final int MAX_LINES = 1000;

    /** The roles in a store that may move its goods to or from another store. */
    private static final Set<Role> MOVES = Set.of(Role.OWNER, Role.MANAGER);

    /** A line of a draft: a product of this store and how many leave. */
    public record TransferLineForm(@NotNull Long product, @NotNull @Quantity(positive = true) BigDecimal quantity) {}

    /**
     * A new draft: to which store (its key), from this one, and its lines (none given: none, refused with the bound);
     * checked with the stores it names and its products.
     */
    @DomainValidated
    public record TransferRequest(
            String fromStore,
            @Required String toStore,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid TransferLineForm> lines) {

        public TransferRequest {
            lines = lines == null ? List.of() : lines;
        }
    }

    /** What came of one line of the transfer. */
    public record TransferReceivedLineForm(
            @NotNull Long line, @NotNull @Quantity(positive = true) BigDecimal quantity) {}

    /**
     * A receipt at the destination: its lines (none given: everything still to come of every line), and {@code close}
     * to record what is still missing after it as lost, and the {@code location} the goods are put at (none: the store's
     * default); checked with the transfer's lines.
     */
    @DomainValidated
    public record TransferReceiveRequest(
            @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid TransferReceivedLineForm> lines,
            Boolean close,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            Long location) {}

    private final TransferRepository transfers;
    private final TransferProductRepository products;
    private final TransferStockService stock;
    private final TransferReceiptService receipts;
    private final OutboxPublisher outbox;
    private final TenantProvisioner tenants;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final RequestRules rules;
    private final ProductShareService sharing;

    TransferService(
            TransferRepository transfers,
            TransferProductRepository products,
            TransferStockService stock,
            TransferReceiptService receipts,
            OutboxPublisher outbox,
            TenantProvisioner tenants,
            PlatformTransactionManager transactions,
            RequestRules rules,
            ProductShareService sharing) {
        this.rules = rules;
        this.sharing = sharing;
        this.transfers = transfers;
        this.products = products;
        this.stock = stock;
        this.receipts = receipts;
        this.outbox = outbox;
        this.tenants = tenants;
        this.writing = new TransactionTemplate(transactions);
        // each store is read in a transaction of its own, never inside another store's
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The destination a draft names (null: none), the stores' faults added to {@code errors}: a source other than this
     * store, or this store as the destination.
     */
    private static String checkStores(TransferRequest r, FieldErrors errors) {
        String here = TenantContext.require().key();
        if (!FieldErrors.blank(r.fromStore()) && !here.equals(r.fromStore().trim())) {
            errors.add("from_store", "catalog.transfer_from_store");
        }
        String to = FieldErrors.blank(r.toStore()) ? null : r.toStore().trim();
        if (to != null && to.equals(here)) {
            errors.add("to_store", "catalog.transfer_same_store");
        }
        return to;
    }

    /**
     * A draft from this store to another the caller owns or manages: the lines' products must keep stock here; those the
     * destination lacks (by SKU, else barcode, read in the destination's own read-only transaction first) are shared
     * with it, so that it makes them from this store's entries before the goods arrive.
     */
    public long create(Caller caller, TransferRequest r) {
        // the declared rules, with those of the stores named (this one, another one) and of a product named twice
        FieldErrors errors = rules.check(r);
        String to = checkStores(r, errors);
        List<TransferLineForm> forms = r.lines();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            TransferLineForm f = forms.get(i);
            if (f != null && f.product() != null && !seen.add(f.product())) {
                errors.add("lines." + i + ".product", "catalog.transfer_product_twice");
            }
        }
        errors.throwIfAny();
        if (!caller.managesStore() || !movesGoods(caller, to)) {
            throw CatalogErrors.TRANSFER_STORE_FORBIDDEN.exception();
        }
        Map<Long, TransferProductRepository.Product> found = reading.execute(s -> products.trackedProducts(seen));
        List<TransferRepository.Goods> lines = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            TransferLineForm f = forms.get(i);
            TransferProductRepository.Product p = found.get(f.product());
            if (p == null) {
                errors.add("lines." + i + ".product", "catalog.transfer_product_unknown", String.valueOf(f.product()));
            } else {
                lines.add(new TransferRepository.Goods(
                        p.id(),
                        null,
                        p.name(),
                        p.sku(),
                        p.barcode(),
                        f.quantity().setScale(3, RoundingMode.UNNECESSARY),
                        BigDecimal.ZERO));
            }
        }
        errors.throwIfAny();
        Tenant there = tenants.ensureReady(to);
        List<Long> matched = TenantContext.call(
                there,
                () -> reading.execute(s -> products.match(
                        lines.stream().map(TransferRepository.Goods::sku).toList(),
                        lines.stream().map(TransferRepository.Goods::barcode).toList())));
        // what the destination lacks is shared with it, so that it has the products before the goods arrive
        List<Long> lacking = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (matched.get(i) == null) {
                lacking.add(lines.get(i).productId());
            }
        }
        String notes = r.notes() == null ? "" : r.notes();
        String here = TenantContext.require().key();
        return writing.execute(s -> {
            long id = transfers.createOutgoing(here, to, notes, caller.userId());
            transfers.insertLines(id, lines, List.of());
            if (!lacking.isEmpty()) {
                sharing.shareWith(lacking, to, caller.userId());
            }
            return id;
        });
    }

    /**
     * Whether the caller is an owner or a manager of {@code store}, as that store's own requests would find it: a role
     * taken away there since the token was issued counts as none.
     */
    private static boolean movesGoods(Caller caller, String store) {
        return caller.roleIn(store).filter(MOVES::contains).isPresent();
    }

    /**
     * Ships a draft: every line's goods leave the source's sellable batches (FEFO, never what tills hold; all lines or
     * none), {@code TransferShipped} goes to the destination. A transfer shipped already answers as it stands. Only who
     * owns or manages the destination now ships into it (a role taken away there since the draft was made counts).
     */
    @Transactional
    public long ship(Caller caller, long id) {
        Transfer transfer = load(id);
        if (!transfer.ship()) {
            return id;
        }
        TransferRepository.Row row = transfer.row();
        if (!movesGoods(caller, row.toStore())) {
            throw CatalogErrors.TRANSFER_STORE_FORBIDDEN.exception();
        }
        List<TransferRepository.Line> lines = transfer.lines();
        Map<Long, List<TransferStockService.Part>> parts = stock.ship(
                lines.stream()
                        .map(l -> new TransferStockService.Outgoing(
                                l.id(), l.goods().productId(), l.goods().quantity()))
                        .toList(),
                row.number(),
                caller.userId());
        List<TransferRepository.NewPart> newParts = new ArrayList<>();
        for (TransferRepository.Line l : lines) {
            parts.get(l.id())
                    .forEach(p -> newParts.add(new TransferRepository.NewPart(
                            l.lineNo(), p.sourceBatch(), p.quantity(), p.cost(), p.number(), p.made(), p.expiry())));
        }
        transfers.shipAll(id);
        transfers.insertParts(id, newParts);
        transfers.status(id, transfer.status(), caller.userId());
        outbox.publish(
                TenantContext.require().key(),
                TransferShipped.of(transfers.find(id).orElseThrow(), transfers.lines(id), transfers.parts(id)));
        return id;
    }

    /** Takes goods in at the destination (see {@link TransferReceiptService#receive}); once per {@code requestKey}. */
    @Transactional
    public long receive(Caller caller, long id, String requestKey, TransferReceiveRequest r) {
        Transfer transfer = load(id);
        if (receipts.madeUnder(requestKey)) {
            return id;
        }
        receipts.receive(caller, transfer, requestKey, r);
        return id;
    }

    /** Cancels a draft at the source; again answers the same. */
    @Transactional
    public long cancel(long id) {
        Transfer transfer = load(id);
        if (transfer.cancel()) {
            transfers.status(id, transfer.status(), null);
        }
        return id;
    }

    /**
     * The destination's side of a shipment (run by the consumer inside the destination's transaction): its copy of the
     * transfer, each line matched to its own product by SKU or barcode. A shipment seen before changes nothing.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void arrived(TransferShipped shipped) {
        transfers
                .createIncoming(
                        shipped.number(),
                        shipped.fromStore(),
                        shipped.toStore(),
                        shipped.transferId(),
                        shipped.notes() == null ? "" : shipped.notes(),
                        shipped.shippedBy(),
                        shipped.shippedAt())
                .ifPresent(id -> {
                    List<TransferShipped.Line> lines = shipped.lines();
                    List<Long> matched = products.match(
                            lines.stream().map(TransferShipped.Line::sku).toList(),
                            lines.stream().map(TransferShipped.Line::barcode).toList());
                    List<TransferRepository.Goods> newLines = new ArrayList<>();
                    List<TransferRepository.NewPart> parts = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        TransferShipped.Line l = lines.get(i);
                        newLines.add(new TransferRepository.Goods(
                                matched.get(i),
                                l.lineId(),
                                l.name(),
                                l.sku(),
                                l.barcode(),
                                l.quantity(),
                                l.quantity()));
                        int lineNo = i + 1;
                        l.parts()
                                .forEach(p -> parts.add(new TransferRepository.NewPart(
                                        lineNo,
                                        p.batchId(),
                                        p.quantity(),
                                        p.costPrice(),
                                        p.batchNumber(),
                                        p.manufacturingDate(),
                                        p.expiryDate())));
                    }
                    transfers.insertLines(id, newLines, parts);
                });
    }

    /** The source's side of a receipt at the destination: its lines' received and lost quantities, and the status. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void received(TransferReceived receipt) {
        Transfer transfer = transfers.load(receipt.sourceTransferId()).orElse(null);
        if (transfer == null || transfer.row().direction() != Direction.OUT) {
            return;
        }
        transfers.linesReceived(receipt.lines().stream()
                .map(l -> new TransferRepository.LineChange(
                        l.sourceLineId(), l.quantity(), l.lostQuantity(), l.lostValue()))
                .toList());
        // the source's copy follows the status the destination's receipt gave its own, when that is a move it may make
        if (transfer.told(TransferStatus.of(receipt.transferStatus()))) {
            transfers.status(transfer.id(), transfer.status(), null);
        }
    }

    @Transactional(readOnly = true)
    public TransferRepository.Row get(long id) {
        return transfers.find(id).orElseThrow(() -> CatalogErrors.TRANSFER_NOT_FOUND.exception());
    }

    @Transactional(readOnly = true)
    public List<TransferRepository.Line> lines(long id) {
        return transfers.lines(id);
    }

    @Transactional(readOnly = true)
    public List<TransferRepository.Part> parts(long id) {
        return transfers.parts(id);
    }

    /** Transfers newest first: {@code out} of this store or {@code in} to it, in a status. */
    @Transactional(readOnly = true)
    public Page<TransferRepository.Row> list(String direction, String status, Pageable page) {
        Direction d = direction == null
                ? null
                : Direction.parse(direction)
                        .orElseThrow(() -> FieldErrors.single("direction", "catalog.transfer_direction"));
        TransferStatus s = status == null
                ? null
                : TransferStatus.parse(status)
                        .orElseThrow(
                                () -> FieldErrors.single("status", "catalog.purchase_status", TransferStatus.names()));
        return transfers.page(d, s, page);
    }

    /** The transfer with its lines and parts, locked until the transaction ends; refused when there is none. */
    private Transfer load(long id) {
        return transfers.load(id).orElseThrow(() -> CatalogErrors.TRANSFER_NOT_FOUND.exception());
    }
}
