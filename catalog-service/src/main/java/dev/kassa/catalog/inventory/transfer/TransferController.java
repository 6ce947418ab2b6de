package dev.kassa.catalog.inventory.transfer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.RequestKey;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Transfers between an owner's stores (issue 64 points 5-6): draft, ship at the source, receive at the destination. */
@RestController
@RequestMapping("/api/products/transfers")
class TransferController {

    /** What left one of the source's batches for a line, and how much of it came. */
    record TransferPartView(
            BigDecimal quantity,
            BigDecimal receivedQuantity,
            BigDecimal costPrice,
            String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate,
            Long batch) {

        static TransferPartView of(TransferRepository.Part p) {
            return new TransferPartView(
                    p.quantity(),
                    p.receivedQuantity(),
                    p.costPrice(),
                    p.batchNumber(),
                    p.manufacturingDate(),
                    p.expiryDate(),
                    p.batchId());
        }
    }

    /**
     * A line as its row holds it (its product in this store, null at a destination without it; asked, shipped,
     * received, lost), what is still to come, and the batches it left.
     */
    record TransferLineView(
            @JsonUnwrapped TransferRepository.Line line, BigDecimal inTransitQuantity, List<TransferPartView> parts) {}

    /**
     * A transfer as this store sees it, as its row holds it ({@code direction} out of it or in to it; its direction
     * and status by their codes); lines only when one is asked for.
     */
    record TransferView(@JsonUnwrapped TransferRepository.Row transfer, List<TransferLineView> lines) {

        static TransferView of(
                TransferRepository.Row t, List<TransferRepository.Line> lines, List<TransferRepository.Part> parts) {
            return new TransferView(
                    t,
                    lines == null
                            ? null
                            : lines.stream()
                                    .map(l -> new TransferLineView(
                                            l,
                                            l.remaining(),
                                            parts.stream()
                                                    .filter(p -> p.lineId() == l.id())
                                                    .map(TransferPartView::of)
                                                    .toList()))
                                    .toList());
        }
    }

    private final TransferService transfers;

    TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    private TransferView whole(long id) {
        return TransferView.of(transfers.get(id), transfers.lines(id), transfers.parts(id));
    }

    @Operation(
            summary =
                    "A draft transfer from this store (X-Tenant-Key) to another the caller owns or manages: {to_store, "
                            + "from_store?, notes?, lines: [{product, quantity}]} (products that keep stock, each once, each "
                            + "found at the destination by SKU or barcode)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    TransferView create(Caller caller, @RequestBody TransferService.TransferRequest request) {
        return whole(transfers.create(caller, request));
    }

    @Operation(
            summary = "Transfers of this store, newest first: direction out (leaving it) or in (coming to it), status "
                    + "(draft, shipped, partially_received, received, cancelled)")
    @GetMapping
    @PreAuthorize(Access.READ_STOCK_VALUE)
    PageResponse<TransferView> list(
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String status,
            PageRequest page) {
        return PageResponse.of(transfers.list(direction, status, page), t -> TransferView.of(t, null, null));
    }

    @Operation(
            summary =
                    "A transfer with its lines (asked, shipped, received, lost, in transit) and the batches they left")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    TransferView get(@PathVariable long id) {
        return whole(id);
    }

    @Operation(
            summary = "Ship a draft from the source: every line's goods leave its sellable batches, earliest expiry "
                    + "first, never what tills hold (all lines or none; 409 transfer_short_stock); only who owns or "
                    + "manages the destination now (403 transfer_store_forbidden); again answers the same")
    @PostMapping("/{id}/ship")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    TransferView ship(@PathVariable long id, Caller caller) {
        return whole(transfers.ship(caller, id));
    }

    @Operation(
            summary =
                    "Receive at the destination: {lines?: [{line, quantity}] (none: all still to come), close?, notes?}; "
                            + "batches with the source's cost, number and dates; close records what is still missing as lost at the "
                            + "source's cost; once per Idempotency-Key")
    @PostMapping("/{id}/receive")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    TransferView receive(
            @PathVariable long id,
            @RequestBody(required = false) TransferService.TransferReceiveRequest request,
            Caller caller,
            RequestKey key) {
        return whole(transfers.receive(
                caller,
                id,
                key.value(),
                request == null ? new TransferService.TransferReceiveRequest(null, null, null, null) : request));
    }

    @Operation(summary = "Cancel a draft at the source; again answers the same")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    TransferView cancel(@PathVariable long id) {
        return whole(transfers.cancel(id));
    }
}
