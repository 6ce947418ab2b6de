package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.inventory.location.LocationService;
import dev.kassa.catalog.inventory.location.Place;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a till's hold takes from the batches (inside {@link ReservationService}'s transaction, its products locked): each
 * part without a batch when its stock is not tracked, else FEFO from its batches, and the refusals of a line that cannot
 * have what it asks.
 */
@Component
class HoldAllocation {

    private static final Logger log = LoggerFactory.getLogger(HoldAllocation.class);

    private final ReservationRepository holds;
    private final BatchRepository batches;
    private final LocationService locations;

    HoldAllocation(ReservationRepository holds, BatchRepository batches, LocationService locations) {
        this.holds = holds;
        this.batches = batches;
        this.locations = locations;
    }

    /**
     * Holds each part (a line, or a component of a line made of others): without a batch when its stock is not tracked,
     * else FEFO from its batches, a product's k-th part in the k-th statement; a component that runs short refuses its line
     * naming both.
     */
    Reservation[] holdParts(List<HoldLine> parts, Timestamp until) {
        Reservation[] held = new Reservation[parts.size()];
        List<List<Integer>> rounds = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (int n = 0; n < parts.size(); n++) {
            HoldLine part = parts.get(n);
            String ref = part.request().requestRef();
            if (!part.locked().product().trackInventory()) {
                long id =
                        holds.insert(part.locked().product().id(), null, part.requested(), ref, part.saleRef(), until);
                held[n] = new Reservation(
                        ref,
                        part.locked().product(),
                        List.of(new Reservation.Allocation(
                                id, null, null, part.requested(), part.locked().costPrice())));
            } else {
                int round = seen.merge(part.locked().product().id(), 1, Integer::sum) - 1;
                if (rounds.size() == round) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(n);
            }
        }
        Map<Integer, List<ReservationRepository.Candidate>> candidates = new HashMap<>();
        for (List<Integer> round : rounds) {
            holds.allocate(round.stream().map(n -> parts.get(n).ask()).toList(), until)
                    .forEach((k, batches) -> candidates.put(round.get(k), batches));
        }
        for (int n = 0; n < held.length; n++) {
            if (held[n] == null) {
                held[n] = allocated(parts.get(n), candidates.getOrDefault(n, List.of()), until);
            }
        }
        return held;
    }

    /**
     * A line's hold from the batches it was offered ({@code candidates}, FEFO), refused when they had less than it asked
     * for, unless it allows a shortfall.
     */
    private Reservation allocated(HoldLine line, List<ReservationRepository.Candidate> candidates, Timestamp until) {
        ReserveRequest r = line.request();
        BigDecimal requested = line.requested();
        long productId = line.locked().product().id();
        if (line.batchId() != null && candidates.isEmpty()) {
            throw batchRefusal(line);
        }
        BigDecimal available =
                candidates.stream().map(ReservationRepository.Candidate::free).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(requested) < 0 && !r.allowsShort()) {
            throw line.madeFor() != null ? componentShort(line, available) : insufficient(line, available);
        }
        List<Reservation.Allocation> allocations = new ArrayList<>();
        BigDecimal remaining = requested;
        for (ReservationRepository.Candidate b : candidates) {
            if (b.holdId() != null) {
                allocations.add(
                        new Reservation.Allocation(b.holdId(), b.id(), b.number(), b.take(), b.purchasePrice()));
                remaining = remaining.subtract(b.take());
            }
        }
        if (remaining.signum() > 0) {
            // an offline sale that already happened: the goods left although no batch had them; held without a batch,
            // so
            // the sale is whole and its completion takes nothing more from the batches (which never go below zero)
            log.warn(
                    "Offline sale line {} sold {} of product {} beyond its stock of {}",
                    r.requestRef(),
                    remaining,
                    productId,
                    available.setScale(3));
            long id = holds.insert(productId, null, remaining, r.requestRef(), line.saleRef(), until);
            allocations.add(new Reservation.Allocation(
                    id, null, null, remaining, line.locked().costPrice()));
        }
        return new Reservation(r.requestRef(), line.locked().product(), allocations);
    }

    /**
     * Why the batch a line names offered nothing: it is pending a check or blocked (with its reason), or lies in a
     * quarantine (naming it), or it is not one of the product's (or has nothing left to sell).
     */
    private KassaException batchRefusal(HoldLine line) {
        long productId = line.locked().product().id();
        return batches.find(line.batchId(), TenantContext.require().today())
                .filter(b -> b.product() == productId)
                .map(this::unavailable)
                .orElseGet(() -> CatalogErrors.BATCH_NOT_FOUND.exception());
    }

    /** Why the product's batch {@code b} is not sold, if it is not: its quality status, or a quarantine it lies in. */
    private KassaException unavailable(BatchRepository.View b) {
        if (BatchStatus.of(b.status()) != BatchStatus.APPROVED) {
            return CatalogErrors.BATCH_UNAVAILABLE.exception(
                    Map.of("batch_status", b.status()), Messages.get("batch.status." + b.status()), b.statusReason());
        }
        return locations
                .place(b.location())
                .filter(Place::quarantine)
                .map(q -> CatalogErrors.BATCH_UNAVAILABLE.exception(
                        Map.of("batch_status", b.status(), "location", q.code()),
                        Messages.get("batch.quarantine", q.code()),
                        ""))
                .orElse(null);
    }

    /** A component has less than the line made of it takes: both named, with what there is and what was asked. */
    private static KassaException componentShort(HoldLine line, BigDecimal available) {
        Map<String, Object> details =
                shortOf(line, available, line.madeFor().product().id());
        details.put("component_id", line.locked().product().id());
        return CatalogErrors.COMPONENT_SHORT.exception(
                details,
                line.locked().product().name(),
                line.madeFor().product().name(),
                details.get("available"),
                details.get("requested"));
    }

    /** A line's product has less than the line asks for: what there is and was asked. */
    private static KassaException insufficient(HoldLine line, BigDecimal available) {
        Map<String, Object> details =
                shortOf(line, available, line.locked().product().id());
        return CatalogErrors.INSUFFICIENT_STOCK.exception(details, details.get("available"), details.get("requested"));
    }

    /** What a refusal of too little stock names: what there is, what was asked, of which product. */
    private static Map<String, Object> shortOf(HoldLine line, BigDecimal available, long product) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("available", available.setScale(3).toPlainString());
        details.put("requested", line.requested().toPlainString());
        details.put("product_id", product);
        return details;
    }
}
