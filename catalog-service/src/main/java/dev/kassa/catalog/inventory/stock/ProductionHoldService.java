package dev.kassa.catalog.inventory.stock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A production order's materials (issue 87 point 5): production holds them through the holds API the tills use, kept
 * (they do not lapse), each under a reference starting {@code po-<order>-}; when the order is cancelled or done, what it
 * still holds
 * is released here, from production's own event, once.
 */
@Service
public class ProductionHoldService {

    private final HoldRepository holds;
    private final ReservationService reservations;

    ProductionHoldService(HoldRepository holds, ReservationService reservations) {
        this.holds = holds;
        this.reservations = reservations;
    }

    private static String prefix(long order) {
        return "po-" + order + "-";
    }

    /** Releases what the order still holds (none: nothing); answers how many holds were cancelled. */
    @Transactional
    public int releaseOrder(long order) {
        return reservations.release(holds.activeRefs(prefix(order)));
    }
}
