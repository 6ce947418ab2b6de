package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.catalog.SpareIntents;
import dev.kassa.sales.customer.CustomerClient;
import dev.kassa.sales.shift.SessionRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A whole sale in one call (spec §5.3.8, rewrite), for tills that keep their draft and offline tills: every line's stock is
 * held in catalog in one call (all lines or none), under references whose hold intents were recorded ahead
 * ({@link SpareIntents}), then the sale, its lines, discounts and payments are written and completed in one transaction at
 * the time of sale (settled as a checkout is, by {@link CheckoutService#settle}). The same {@code client_id} uploaded again
 * answers the sale already recorded.
 *
 * <p>A sale with a {@code client_id} already happened at an offline till: the goods have left and the money was taken, so
 * it is recorded as it happened and the answer lists what Kassa had to decide ({@link UploadDecision}): a line sold at a
 * price the catalogue no longer has keeps the till's price, a line beyond the stock on hand takes what the batches have
 * and the rest without a batch, credit beyond the buyer's limit is recorded whole. Without a {@code client_id} (an online
 * till), a line whose {@code unit_price} differs from the catalogue's, missing stock and credit over the limit are refused.
 */
@Service
public class SaleUploadService {

    /** An offline till's sale; {@code sold_at} in the store's zone unless it carries an offset. */
    @DomainValidated
    public record NewSale(
            @Pattern(regexp = UUID_TEXT, message = "sales.client_id_invalid") String clientId,
            @Required Long session,
            String soldAt,
            Long customerId,
            Long customer,
            @PrintableText String customerName,
            String customerPhone,
            Map<String, Object> newCustomer,
            BigDecimal discountPercent,
            BigDecimal discountAmount,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            @NotEmpty List<@Valid SaleLine> items,
            List<@Valid PaymentRequest> payments) {

        /** {@code customer_id}, or the web client's {@code customer}. */
        CheckoutService.Buyer buyer() {
            return new CheckoutService.Buyer(
                    customerId != null ? customerId : customer, customerName, customerPhone, newCustomer);
        }
    }

    /** Before a sale's stock is held: the sale its client id recorded before, or the shift it goes into. */
    private record Placed(Uploaded earlier, SessionRepository.TillShift shift) {}

    /** A sale recorded in one call, and whether this call created it (false: the till had uploaded it before). */
    public record Recorded(boolean created, Uploaded sale) {}

    /** The sale as recorded, with what Kassa had to decide to record it (empty for an online till's sale). */
    public record Uploaded(@JsonUnwrapped SaleView sale, List<UploadDecision> decisions) {}

    /**
     * A client id as {@link UUID#toString()} writes it, surrounding blanks allowed (plain classes: the pattern is published
     * in the OpenAPI, where clients read it as an ECMAScript pattern).
     */
    static final String UUID_TEXT =
            "\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*";

    /** How far a sale's time may lie ahead of the server's clock (a till's clock runs fast) and behind it. */
    static final Duration AHEAD = Duration.ofMinutes(5);

    private static final Duration BEHIND = Duration.ofDays(30);

    private final CheckoutService checkout;
    private final ShiftOfSale shiftOfSale;
    private final SaleRepository sales;
    private final SaleLineRepository lines;
    private final UploadPrices prices;
    private final UploadedSaleRepository uploaded;
    private final SaleViews views;
    private final CatalogClient catalog;
    private final CustomerClient customers;
    private final TransactionTemplate tx;
    private final Discounts discounts;
    private final SpareIntents spares;
    private final RequestRules rules;
    private final ObjectMapper json;

    SaleUploadService(
            CheckoutService checkout,
            ShiftOfSale shiftOfSale,
            SaleRepository sales,
            SaleLineRepository lines,
            SaleViews views,
            UploadPrices prices,
            UploadedSaleRepository uploaded,
            CatalogClient catalog,
            CustomerClient customers,
            TransactionTemplate tx,
            Discounts discounts,
            SpareIntents spares,
            RequestRules rules,
            ObjectMapper json) {
        this.json = json;
        this.checkout = checkout;
        this.shiftOfSale = shiftOfSale;
        this.sales = sales;
        this.lines = lines;
        this.prices = prices;
        this.uploaded = uploaded;
        this.views = views;
        this.catalog = catalog;
        this.customers = customers;
        this.tx = tx;
        this.discounts = discounts;
        this.spares = spares;
        this.rules = rules;
    }

    /**
     * Records a sale sent whole. {@code requestKey} ({@link dev.kassa.platform.web.RequestKey}, null
     * without an {@code Idempotency-Key}) names a sale without a {@code client_id}: a retry of the keyed request that runs
     * again (its first instance died before answering, after committing) finds the sale the first run recorded instead of
     * recording it twice.
     */
    public Recorded record(Caller caller, NewSale r, String requestKey) {
        Instant soldAt = soldAt(r);
        CheckoutService.Buyer buyer = r.buyer();
        checkout.checkBuyer(buyer);
        UUID client = r.clientId() != null
                ? UUID.fromString(r.clientId().trim())
                : requestKey == null ? null : UUID.fromString(requestKey);
        Placed placed = place(caller, r, soldAt, client);
        if (placed.earlier() != null) {
            return new Recorded(false, placed.earlier());
        }
        // after the check above: a sale uploaded again must not make its new customer twice
        CustomerClient.TillCustomer who = checkout.resolve(buyer);
        // a reference per line whose hold intent is committed already (recorded ahead, as a scan's)
        List<String> refs = spares.take(TenantContext.require().key(), r.items().size());
        List<String> credit = new ArrayList<>();
        boolean offline = r.clientId() != null;
        try {
            List<Hold> holds = hold(r, refs, offline);
            UploadPrices.Held held = new UploadPrices.Held(
                    holds, offline ? prices.had(r, holds, soldAt, placed.shift().openedAt()) : Map.of());
            return new Recorded(true, tx.execute(s -> {
                List<UploadDecision> decisions = offline ? new ArrayList<>() : null;
                SessionRepository.TillShift shift = shiftOfSale.lock(r, placed.shift());
                Written written = write(caller, r, shift, client, soldAt, held, refs, decisions);
                long saleId = written.sale().id();
                CheckoutService.Settled settled = checkout.settle(new CheckoutService.Settle(
                        caller,
                        written.sale(),
                        written.items(),
                        r.payments(),
                        buyer,
                        who,
                        soldAt,
                        null,
                        decisions != null));
                credit.addAll(settled.customerHolds());
                SaleView sale = settled.sale();
                if (decisions != null) {
                    decisions.addAll(settled.decisions());
                }
                return recorded(r, shift, saleId, sale, decisions);
            }));
        } catch (DuplicateKeyException raced) {
            // the same client id was uploaded concurrently and the other upload won
            catalog.release(refs);
            credit.forEach(customers::release);
            return new Recorded(false, earlier(client).orElseThrow(() -> raced));
        } catch (RuntimeException e) {
            catalog.release(refs);
            credit.forEach(customers::release);
            throw e;
        }
    }

    /**
     * The sale written into its shift (a closed shift's cash announced again), with what Kassa decided to record it,
     * which an offline till's sale keeps.
     */
    private Uploaded recorded(
            NewSale r, SessionRepository.TillShift shift, long saleId, SaleView sale, List<UploadDecision> decisions) {
        shiftOfSale.recorded(r, shift, decisions);
        if (decisions == null) {
            return new Uploaded(sale, List.of());
        }
        if (!decisions.isEmpty()) {
            sales.keepUploadDecisions(saleId, asJson(decisions));
        }
        return new Uploaded(sale, List.copyOf(decisions));
    }

    /** In one statement: the sale this client id recorded before (the answer then), else the shift it goes into. */
    private Placed place(Caller caller, NewSale r, Instant soldAt, UUID client) {
        return tx.execute(s -> {
            UploadedSaleRepository.BeforeHold before = uploaded.beforeHold(r.session(), client);
            return before.earlier() != null
                    ? new Placed(uploaded(before.earlier()), null)
                    : new Placed(null, shiftOfSale.place(caller, r, soldAt, before, AHEAD));
        });
    }

    /** The request's declared rules and its time of sale (now when none is given) in one answer. */
    private Instant soldAt(NewSale r) {
        FieldErrors errors = rules.check(r);
        for (int i = 0; r.items() != null && i < r.items().size(); i++) {
            if (r.items().get(i) == null) {
                errors.required("items." + i + ".product");
            }
        }
        Instant now = Instant.now();
        Instant soldAt =
                errors.dateTime("sold_at", r.soldAt(), TenantContext.require().zone());
        if (soldAt != null && (soldAt.isAfter(now.plus(AHEAD)) || soldAt.isBefore(now.minus(BEHIND)))) {
            errors.add("sold_at", "sales.sold_at_out_of_range");
        }
        errors.throwIfAny();
        return soldAt == null ? now : soldAt;
    }

    /** The sale this client id recorded before, if any, with what was decided to record it. */
    private Optional<Uploaded> earlier(UUID client) {
        return client == null
                ? Optional.empty()
                : tx.execute(s -> uploaded.byClientId(client).map(this::uploaded));
    }

    /** A sale recorded before, with what was decided to record it (inside the caller's transaction). */
    private Uploaded uploaded(long saleId) {
        return new Uploaded(
                views.view(saleId),
                uploaded.decisions(saleId).map(this::decisionsOf).orElse(List.of()));
    }

    /**
     * Holds every line's stock in catalog under its reference, in one call (all lines or none); for an offline sale beyond
     * the stock on hand too (the hold's shortfall).
     */
    private List<Hold> hold(NewSale r, List<String> refs, boolean offline) {
        List<CatalogClient.Line> lines = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            SaleLine line = r.items().get(i);
            lines.add(new CatalogClient.Line(
                    refs.get(i),
                    line.product(),
                    line.quantityOrOne(),
                    line.batch(),
                    line.modifiers() == null ? List.of() : line.modifiers()));
        }
        return catalog.reserveAll(lines, offline);
    }

    private String asJson(List<UploadDecision> decisions) {
        try {
            return json.writeValueAsString(decisions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("upload decisions cannot be written", e);
        }
    }

    private List<UploadDecision> decisionsOf(String json) {
        try {
            return this.json.readValue(json, new TypeReference<List<UploadDecision>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("upload decisions kept with a sale cannot be read", e);
        }
    }

    /** A sale as {@link #write} left it: its row with its totals, and its lines. */
    private record Written(SaleRepository.Sale sale, List<SaleLineRepository.Item> items) {}

    private Written write(
            Caller caller,
            NewSale r,
            SessionRepository.TillShift session,
            UUID client,
            Instant at,
            UploadPrices.Held held,
            List<String> refs,
            List<UploadDecision> decisions) {
        List<Hold> holds = held.holds();
        Tenant tenant = TenantContext.require();
        SaleRepository.Sale created = sales.createCompleted(
                session.id(),
                caller.userId(),
                caller.username(),
                session.registerCode(),
                LocalDate.ofInstant(at, tenant.zone()),
                client,
                r.notes() == null ? "" : r.notes());
        long saleId = created.id();
        FieldErrors lineErrors = new FieldErrors();
        List<Hold> priced = prices.priced(caller, r, held, lineErrors, decisions);
        checkBounds(r, priced);
        // every line in one statement, which answers the sale's lines; a line's discount changes them after (a refused
        // price or discount refuses the whole sale below, this transaction with it, after every line was checked)
        // with the holds' intents removed: none when one was given up meanwhile (this transaction is then undone)
        List<SaleLineRepository.Item> items = lines.addLines(saleId, priced, refs, null)
                .orElseThrow(() -> SalesErrors.CATALOG_UNAVAILABLE.exception());
        boolean discounted = false;
        for (int i = 0; i < holds.size(); i++) {
            BigDecimal off = r.items().get(i).discountAmount();
            if (off != null) {
                discountLines(caller, lineErrors, "items." + i + ".", saleId, refs.get(i), off);
                discounted = true;
            }
        }
        lineErrors.throwIfAny();
        if (discounted) {
            items = lines.items(saleId);
        }
        // the sale was created in this transaction (nobody else sees it): its totals are stored when it is completed
        SaleRepository.Sale sale = SaleRepository.totalled(created, items);
        Discounts.Requested saleDiscount = new Discounts.Requested(r.discountPercent(), r.discountAmount());
        if (!saleDiscount.isEmpty()) {
            BigDecimal off = discounts.allowedOff(caller, saleDiscount, sale.subtotal());
            sales.setSaleDiscount(
                    saleId, r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent(), off, caller.userId());
            sale = sales.total(sales.lock(saleId).orElseThrow(), items);
        }
        return new Written(sale, items);
    }

    /**
     * What the lines and the sale come to must fit what Kassa stores: refused naming the bound, before anything is
     * written.
     */
    private static void checkBounds(NewSale r, List<Hold> priced) {
        FieldErrors bounds = new FieldErrors();
        BigDecimal gross = BigDecimal.ZERO;
        for (int i = 0; i < priced.size(); i++) {
            BigDecimal line = SaleTotals.lineTotal(
                    r.items().get(i).quantityOrOne(), priced.get(i).unitPrice(), BigDecimal.ZERO);
            SaleTotals.beyondBound(bounds, "items." + i + ".quantity", line, false);
            gross = gross.add(line);
        }
        SaleTotals.beyondBound(bounds, "items", gross, true);
        bounds.throwIfAny();
    }

    /** An amount off the lines of one hold (a hold split over batches has several lines), line by line up to each line's gross. */
    private void discountLines(
            Caller caller, FieldErrors errors, String prefix, long saleId, String ref, BigDecimal amount) {
        List<SaleLineRepository.Item> ofHold = lines.items(saleId).stream()
                .filter(i -> i.reservationRef().equals(ref))
                .toList();
        BigDecimal gross = ofHold.stream()
                .map(i -> SaleTotals.lineTotal(i.quantity(), i.unitPrice(), BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Discounts.Requested requested = new Discounts.Requested(null, amount);
        int before = errors.asMap().size();
        discounts.validate(errors, prefix, requested, gross);
        if (errors.asMap().size() > before) {
            return;
        }
        BigDecimal left = Discounts.amountOff(requested, gross);
        discounts.authorize(caller, left, gross);
        for (SaleLineRepository.Item line : ofHold) {
            BigDecimal off = left.min(SaleTotals.lineTotal(line.quantity(), line.unitPrice(), BigDecimal.ZERO));
            lines.setLineDiscount(line, off);
            left = left.subtract(off);
        }
    }
}
