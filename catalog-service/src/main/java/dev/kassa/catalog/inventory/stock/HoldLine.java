package dev.kassa.catalog.inventory.stock;

import java.math.BigDecimal;

/**
 * A claimed request's hold of its locked product, to make: FEFO from the batches ({@code batchId}'s only, when given);
 * {@code madeFor}: the product made of others this one is a component of (null for a line of its own).
 */
record HoldLine(
        ReserveRequest request,
        BigDecimal requested,
        ReservationRepository.Claim claim,
        ReservationRepository.Locked locked,
        Long batchId,
        ReservationRepository.Locked madeFor) {

    ReservationRepository.Ask ask() {
        return new ReservationRepository.Ask(
                locked.product().id(), batchId, requested, request.allowsShort(), request.requestRef(), saleRef());
    }

    /** The sale the hold is for, as the holds record it ("" when none is named). */
    String saleRef() {
        return request.saleRef() == null ? "" : request.saleRef();
    }
}
