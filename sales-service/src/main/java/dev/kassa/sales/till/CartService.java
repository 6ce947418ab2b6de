package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.catalog.HoldIntentRepository;
import dev.kassa.sales.catalog.SpareIntents;
import dev.kassa.sales.shift.SessionRepository;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A draft at the till (brief §6): a scan holds the stock in catalog first, then writes the line, so a line never exists
 * without its hold; removing a line or voiding the draft releases the holds; discounts on a line or the whole draft.
 */
@Service
public class CartService {

    /**
     * A scan names the product by id, or gives the scanned {@code barcode} (product, extra or batch code: a batch's
     * barcode picks that batch); no quantity is one; {@code modifiers}: the options of the product's modifier groups
     * chosen (catalog checks and prices them).
     */
    @DomainValidated
    public record ScanRequest(
            @Required Long session,
            Long product,
            @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
            Long batch,
            @Size(max = 100) String barcode,
            @Size(max = 20) List<Long> modifiers) {}

    /** A product added to a given draft; no quantity is one. */
    public record AddItemRequest(
            @Required Long product,
            @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
            Long batch,
            @Size(max = 20) List<Long> modifiers) {}

    private final SessionRepository sessions;
    private final SaleRepository sales;
    private final SaleLineRepository lines;
    private final SaleViews views;
    private final CatalogClient catalog;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final Discounts discounts;
    private final HoldIntentRepository intents;
    private final SpareIntents spares;
    private final RequestRules rules;

    CartService(
            SessionRepository sessions,
            SaleRepository sales,
            SaleLineRepository lines,
            SaleViews views,
            CatalogClient catalog,
            OutboxPublisher outbox,
            TransactionTemplate tx,
            Discounts discounts,
            HoldIntentRepository intents,
            SpareIntents spares,
            RequestRules rules) {
        this.rules = rules;
        this.spares = spares;
        this.intents = intents;
        this.sessions = sessions;
        this.sales = sales;
        this.lines = lines;
        this.views = views;
        this.catalog = catalog;
        this.outbox = outbox;
        this.tx = tx;
        this.discounts = discounts;
    }

    /**
     * Adds a product to the caller's draft in the shift (creating the draft), holding the stock in catalog. A keyed request
     * ({@code requestKey}, null without a key) holds under that reference, so a second run of the same request (a retry taking
     * over from an instance that died mid-scan) finds the hold and the line of the first instead of adding another.
     */
    public SaleView scan(Caller caller, ScanRequest r, String requestKey) {
        FieldErrors errors = rules.check(r);
        boolean byCode = r.product() == null && !FieldErrors.blank(r.barcode());
        if (r.product() == null && !byCode) {
            errors.required("product");
        }
        errors.throwIfAny();
        BigDecimal quantity = r.quantity() == null ? BigDecimal.ONE : r.quantity();
        return hold(
                byCode ? null : r.product(),
                byCode ? r.barcode().trim() : null,
                quantity,
                r.batch(),
                r.modifiers(),
                requestKey,
                () -> TillGuards.openShift(sessions, r.session(), false),
                () -> sales.draftInOpenShift(r.session(), caller.userId()).orElseGet(() -> {
                    // no draft yet (or the shift is not open: the check says why): the shift is locked while one is
                    // made
                    SessionRepository.TillShift session = TillGuards.openShift(sessions, r.session(), true);
                    Tenant tenant = TenantContext.require();
                    return sales.draftOf(session.id(), caller.userId())
                            .orElseGet(() -> sales.createDraft(
                                    session.id(),
                                    caller.userId(),
                                    caller.username(),
                                    session.registerCode(),
                                    tenant.today()));
                }));
    }

    /** Adds a product to a given draft (spec §5.3.3), holding the stock in catalog; a keyed request as {@link #scan}. */
    public SaleView addItem(long saleId, AddItemRequest r, String requestKey) {
        BigDecimal quantity = r.quantity() == null ? BigDecimal.ONE : r.quantity();
        return hold(
                r.product(),
                null,
                quantity,
                r.batch(),
                r.modifiers(),
                requestKey,
                () -> TillGuards.pendingSale(sales, saleId),
                () -> TillGuards.pendingSale(sales, saleId));
    }

    /** Removes a line (with the other lines of the same scan) and releases its hold in catalog. */
    public SaleView removeItem(long saleId, long itemId) {
        String[] released = new String[1];
        SaleView view = tx.execute(s -> {
            SaleRepository.Sale sale = TillGuards.pendingSale(sales, saleId);
            released[0] = lines.removeScan(saleId, itemId).orElseThrow(() -> SalesErrors.ITEM_NOT_FOUND.exception());
            return views.recalculate(sale);
        });
        catalog.release(List.of(released[0]));
        return view;
    }

    /** Voids a draft (spec §5.3.7); a draft with items needs a manager or owner. Its holds are released. */
    public SaleView cancel(Caller caller, long saleId) {
        List<String> refs = new ArrayList<>();
        SaleView view = tx.execute(s -> {
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
            sale.status().moveTo(SaleStatus.CANCELLED, SalesErrors.CANCEL_ONLY_PENDING);
            List<SaleLineRepository.Item> items = lines.items(saleId);
            if (!items.isEmpty() && !caller.managesStore()) {
                throw SalesErrors.CANCEL_NEEDS_MANAGER.exception();
            }
            sales.cancel(saleId);
            items.stream()
                    .map(SaleLineRepository.Item::reservationRef)
                    .distinct()
                    .forEach(refs::add);
            outbox.publish(
                    TenantContext.require().key(),
                    new SaleCancelled(String.valueOf(saleId), sale.receiptNumber(), sale.sessionId()));
            return views.view(saleId);
        });
        if (!refs.isEmpty()) {
            catalog.release(refs);
        }
        return view;
    }

    /**
     * Holds stock in catalog, then writes the lines into the sale that {@code target} locks (and checks), in one
     * transaction. The hold is asked for under a reference whose intent is committed ({@link HoldIntentRepository}): a request
     * without a key takes one recorded ahead ({@link SpareIntents}), a keyed one records its own in the transaction that
     * runs {@code check} and looks for the lines a first run of the same request wrote (then it answers that sale instead
     * of holding again). Without a key, {@code check} runs only when catalog refuses or fails, so that a closed shift is
     * still the answer then; otherwise {@code target} checks in the line's transaction. The line's transaction removes the
     * intent (in the statement that writes them), so a hold whose lines never come (this instance dies between the two) is released by another instance; a
     * refused line gives its hold back at once.
     */
    private SaleView hold(
            Long productId,
            String barcode,
            BigDecimal quantity,
            Long batchId,
            List<Long> modifiers,
            String requestKey,
            Runnable check,
            Supplier<SaleRepository.Sale> target) {
        BigDecimal qty = quantity.setScale(3, RoundingMode.UNNECESSARY);
        String store = TenantContext.require().key();
        String ref;
        if (requestKey == null) {
            ref = spares.take(store);
        } else {
            ref = UUID.randomUUID().toString();
            SaleView done = tx.execute(s -> {
                check.run();
                var written = lines.saleOfRequest(requestKey);
                if (written.isPresent()) {
                    return views.view(written.get());
                }
                intents.begin(store, List.of(ref));
                return null;
            });
            if (done != null) {
                return done;
            }
        }
        Hold hold;
        try {
            hold = catalog.reserve(ref, productId, barcode, qty, batchId, modifiers == null ? List.of() : modifiers);
        } catch (RuntimeException e) {
            refusedByCatalog(ref, requestKey, check);
            throw e;
        }
        return writeLines(hold, qty, ref, requestKey, target);
    }

    /**
     * Catalog held nothing (a refusal), or the client has released it already (catalog away): nothing left to sweep.
     * Without a key, the draft is checked now, so that a shift that is not open or a sale that is no longer a draft is
     * the answer, as it would have been had it been checked first.
     */
    private void refusedByCatalog(String ref, String requestKey, Runnable check) {
        forget(ref);
        if (requestKey == null) {
            try {
                tx.executeWithoutResult(s -> check.run());
            } catch (KassaException refusal) {
                throw refusal;
            } catch (RuntimeException databaseAway) {
                // catalog's answer stands
            }
        }
    }

    /**
     * Writes the held lines into the sale {@code target} locks, within the sale's bounds; a refused line gives its hold
     * back at once.
     */
    private SaleView writeLines(
            Hold hold, BigDecimal qty, String ref, String requestKey, Supplier<SaleRepository.Sale> target) {
        try {
            return tx.execute(s -> {
                SaleRepository.Sale draft = target.get();
                BigDecimal line = SaleTotals.lineTotal(qty, hold.unitPrice(), BigDecimal.ZERO);
                FieldErrors bounds = new FieldErrors();
                if (!SaleTotals.beyondBound(bounds, "quantity", line, false)) {
                    SaleTotals.beyondBound(bounds, "quantity", draft.subtotal().add(line), true);
                }
                bounds.throwIfAny();
                // the lines and the intent's removal in one statement; none when the scan took so long that its
                // hold was given up as abandoned: no line without its hold
                List<SaleLineRepository.Item> items = lines.addLines(draft.id(), hold, ref, requestKey)
                        .orElseThrow(() -> SalesErrors.CATALOG_UNAVAILABLE.exception());
                return views.recalculate(draft, items);
            });
        } catch (RuntimeException e) {
            // no line (the shift closed, the sale is no longer a draft, the database failed): the hold goes back now
            catalog.release(List.of(ref));
            forget(ref);
            throw e;
        }
    }

    /** Drops the intent of a hold that catalog refused or the client released itself; left to the sweep if the database is away. */
    private void forget(String ref) {
        try {
            tx.executeWithoutResult(s -> intents.end(List.of(ref)));
        } catch (RuntimeException ignored) {
            // the sweep releases it (a second release is harmless)
        }
    }

    public record DiscountRequest(Long itemId, BigDecimal discountPercent, BigDecimal discountAmount) {}

    /**
     * Sets (or, with 0, removes) a discount on a draft: on one line with {@code item_id}, else on the whole sale.
     * Cashiers are limited to a store-wide percent; managers and owners are not.
     */
    public SaleView discount(Caller caller, long saleId, DiscountRequest r) {
        Discounts.Requested requested = new Discounts.Requested(r.discountPercent(), r.discountAmount());
        if (requested.isEmpty()) {
            throw FieldErrors.single("discount_percent", "sales.discount_required");
        }
        return tx.execute(s -> {
            SaleRepository.Sale sale = TillGuards.pendingSale(sales, saleId);
            if (r.itemId() != null) {
                SaleLineRepository.Item item = lines.items(saleId).stream()
                        .filter(i -> i.id() == r.itemId())
                        .findFirst()
                        .orElseThrow(() -> SalesErrors.ITEM_NOT_FOUND.exception());
                BigDecimal gross = SaleTotals.lineTotal(item.quantity(), item.unitPrice(), BigDecimal.ZERO);
                lines.setLineDiscount(item, discounts.allowedOff(caller, requested, gross));
                // the sale's own discount is unchanged: the locked row read above still has it
                return views.recalculate(sale);
            }
            BigDecimal off = discounts.allowedOff(caller, requested, sale.subtotal());
            sales.setSaleDiscount(
                    saleId, r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent(), off, caller.userId());
            return views.recalculate(saleId);
        });
    }
}
