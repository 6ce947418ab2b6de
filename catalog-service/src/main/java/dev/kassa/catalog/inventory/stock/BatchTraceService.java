package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A batch's trace (issue 63, point 5), what a recall needs in one call: where it came from (supplier, date, the first
 * movement: a receipt, an import, a count's surplus), every sale that took from it with its receipt and buyer (kept
 * from {@code SaleCompleted} when its hold completed), the refunds that brought goods back, the adjustments, and what is
 * left and held. Who bought (a sale's customer, the buyers with their names and phones) is told only to a caller who may
 * read customers; the others see the sales without the person. A batch moved between locations (issue 86) is one lot
 * with its copies: the trace is the lot's, wherever its goods went, with what lies where now.
 */
@Service
public class BatchTraceService {

    /** Reasons that bring goods in when they open a batch. */
    private static final Set<String> ARRIVALS =
            Set.of("receipt", "import", "purchase", "count", "adjustment", "transfer");

    /** The movement that opened the batch (null if it has none), and the batch's figures. */
    public record TraceTotals(
            BigDecimal received,
            BigDecimal sold,
            BigDecimal refunded,
            BigDecimal adjusted,
            BigDecimal onHand,
            BigDecimal held) {}

    /** A buyer of the batch's goods, once: customer-service's id, and the name and phone their sale had. */
    public record Buyer(long customer, String name, String phone) {}

    /** A batch of the lot where it lies: its location, what is on hand and held there, whether it is still in use. */
    public record LotPart(
            long batch, long location, String locationCode, BigDecimal quantity, BigDecimal held, boolean isActive) {}

    /**
     * {@code customers}: the buyers known, each once (customer-service's ids); {@code buyers} the same with their names
     * and phones, whom a recall calls.
     */
    public record Trace(
            BatchRepository.View batch,
            BatchTraceRepository.Moved received,
            List<BatchTraceRepository.Sold> sales,
            List<BatchTraceRepository.Moved> refunds,
            List<BatchTraceRepository.Moved> adjustments,
            List<Long> customers,
            List<Buyer> buyers,
            TraceTotals totals,
            List<LotPart> lot) {}

    private final BatchRepository batches;
    private final BatchTraceRepository trace;

    BatchTraceService(BatchRepository batches, BatchTraceRepository trace) {
        this.batches = batches;
        this.trace = trace;
    }

    /** The batch's trace; {@code withBuyers} false leaves out who bought (each sale's customer, the buyers). */
    @Transactional(readOnly = true)
    public Trace of(long id, boolean withBuyers) {
        LocalDate today = TenantContext.require().today();
        BatchRepository.View batch =
                batches.find(id, today).orElseThrow(() -> CatalogErrors.BATCH_NOT_FOUND.exception());
        List<Long> ids = trace.lot(id);
        List<LotPart> lot = ids.stream()
                .map(b -> b == id ? batch : batches.find(b, today).orElseThrow())
                .map(b -> new LotPart(
                        b.id(), b.location(), b.locationCode(), b.quantity(), b.reservedQuantity(), b.isActive()))
                .toList();
        List<BatchTraceRepository.Moved> moved = trace.movements(ids);
        BatchTraceRepository.Moved received = moved.isEmpty()
                        || !ARRIVALS.contains(moved.get(0).reason())
                        || moved.get(0).quantity().signum() <= 0
                ? null
                : moved.get(0);
        List<BatchTraceRepository.Moved> refunds =
                moved.stream().filter(m -> "refund".equals(m.reason())).toList();
        List<BatchTraceRepository.Moved> adjustments = moved.stream()
                .filter(m -> m != received && !"refund".equals(m.reason()))
                .toList();
        List<BatchTraceRepository.Sold> sales = withBuyers
                ? trace.sales(ids)
                : trace.sales(ids).stream()
                        .map(BatchTraceRepository.Sold::anonymous)
                        .toList();
        BigDecimal zero = BigDecimal.ZERO.setScale(3);
        return new Trace(
                batch,
                received,
                sales,
                refunds,
                adjustments,
                sales.stream()
                        .map(BatchTraceRepository.Sold::customer)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                buyers(sales),
                new TraceTotals(
                        received == null ? zero : received.quantity(),
                        trace.sold(ids).setScale(3),
                        sum(refunds),
                        sum(adjustments),
                        lot.stream().map(LotPart::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                        lot.stream().map(LotPart::held).reduce(BigDecimal.ZERO, BigDecimal::add)),
                lot);
    }

    /** Each known buyer once, with the name and phone of their latest sale. */
    private static List<Buyer> buyers(List<BatchTraceRepository.Sold> sales) {
        Map<Long, Buyer> buyers = new LinkedHashMap<>();
        for (BatchTraceRepository.Sold s : sales) {
            if (s.customer() != null) {
                buyers.put(s.customer(), new Buyer(s.customer(), s.customerName(), s.customerPhone()));
            }
        }
        return List.copyOf(buyers.values());
    }

    private static BigDecimal sum(List<BatchTraceRepository.Moved> moved) {
        return moved.stream()
                .map(BatchTraceRepository.Moved::quantity)
                .reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
    }
}
