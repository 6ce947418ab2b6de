package dev.kassa.sales.print;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.customer.CustomerClient;
import dev.kassa.sales.shift.ShiftService;
import dev.kassa.sales.till.SaleQueryService;
import dev.kassa.sales.till.SaleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The store's printouts: the sale, its refunds and the shift read from the store's schema, the link kept in the
 * service-wide table, the bonus balance asked of customer-service outside any transaction.
 */
@Service
public class PrintService {

    private static final Logger log = LoggerFactory.getLogger(PrintService.class);

    /** The statuses of a sale that has a receipt to give. */
    private static final Set<String> FINAL = Set.of("completed", "partially_refunded", "refunded");

    private static final TenantRegistry.Profile NO_PROFILE = new TenantRegistry.Profile("", "", "", "", "");

    private final SaleQueryService sales;
    private final ShiftService shifts;
    private final TenantRegistry stores;
    private final ReceiptLinkService links;
    private final CustomerClient customers;
    private final SaleRefundRepository refunds;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    PrintService(
            SaleQueryService sales,
            ShiftService shifts,
            TenantRegistry stores,
            ReceiptLinkService links,
            CustomerClient customers,
            SaleRefundRepository refunds,
            PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.sales = sales;
        this.shifts = shifts;
        this.stores = stores;
        this.links = links;
        this.customers = customers;
        this.refunds = refunds;
    }

    /**
     * The receipt of a completed (or refunded) sale as the till prints it: its digital receipt's link (made now if it has
     * none) and the buyer's bonus balance as customer-service has it (left out when it does not answer: a receipt still
     * prints).
     */
    Printout receipt(long saleId) {
        Tenant tenant = TenantContext.require();
        Read read = tx.execute(s -> {
            SaleView sale = completed(saleId);
            return new Read(sale, links.linkFor(tenant.key(), saleId), profile(tenant), refunds.of(saleId));
        });
        return ReceiptPrintout.of(
                read.sale(),
                read.profile(),
                tenant.zone(),
                read.refunds(),
                bonus(read.sale()),
                ReceiptLinkService.url(read.link()));
    }

    /**
     * The receipt a digital receipt's page shows: its own link under the QR code, never a new one (a link withdrawn
     * while the page was being drawn must not hand out its successor), and no bonus balance.
     */
    Printout digitalReceipt(long saleId, String token) {
        Tenant tenant = TenantContext.require();
        return readOnly.execute(s -> ReceiptPrintout.of(
                completed(saleId),
                profile(tenant),
                tenant.zone(),
                refunds.of(saleId),
                null,
                ReceiptLinkService.url(token)));
    }

    /**
     * What a receipt shows from the database, read in one transaction on one connection (the sale with its lines and
     * payments, its link, the store's profile and the refunds: the link and the profile are the service's tables, named
     * with their schema, so the store's connection reads them without a switch of schema).
     */
    private record Read(
            SaleView sale,
            ReceiptLinkRepository.Link link,
            TenantRegistry.Profile profile,
            List<ReceiptPrintout.Refund> refunds) {}

    /** The completed sale's working link, made now if it has none. */
    ReceiptLinkRepository.Link link(long saleId) {
        completed(saleId);
        return links.linkFor(TenantContext.require().key(), saleId);
    }

    /** Withdraws the sale's working link (404 when the sale is not there or has none). */
    void withdrawLink(Caller caller, long saleId) {
        sales.get(saleId);
        links.withdraw(TenantContext.require().key(), saleId, caller.userId());
    }

    private SaleView completed(long saleId) {
        SaleView sale = sales.get(saleId);
        if (!FINAL.contains(sale.status())) {
            throw SalesErrors.RECEIPT_NOT_COMPLETED.exception();
        }
        return sale;
    }

    /** The shift's X report (open) or Z report (closed); a cashier prints their own shifts'. */
    Printout shift(Caller caller, long sessionId) {
        Tenant tenant = TenantContext.require();
        return ShiftPrintout.of(shifts.report(caller, sessionId), profile(tenant), tenant.zone(), Instant.now());
    }

    private TenantRegistry.Profile profile(Tenant tenant) {
        return stores.profile(tenant.key()).orElse(NO_PROFILE);
    }

    private Integer bonus(SaleView sale) {
        if (sale.customer() == null) {
            return null;
        }
        try {
            CustomerClient.TillCustomer buyer = customers.resolve(sale.customer(), null, null, null);
            return buyer == null ? null : buyer.loyaltyPoints();
        } catch (RuntimeException e) {
            log.debug("No bonus balance on the receipt of sale {}: {}", sale.id(), e.toString());
            return null;
        }
    }
}
