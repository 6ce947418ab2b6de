package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Moves of stock between the store's locations (issue 86 point 1). */
@RestController
class StockMoveController {

    private final StockMoveService moves;

    StockMoveController(StockMoveService moves) {
        this.moves = moves;
    }

    @Operation(
            summary = "Move stock between locations: {lines: [{batch | product + from, quantity, to}], note?}; every "
                    + "line or none (409 stock_move_short naming each line whose batch or location has too little free), "
                    + "each a move out of a batch and into its copy at the other location; a product's line takes its "
                    + "approved batches at `from`, earliest expiry first; hazardous goods only to a hazardous location "
                    + "(409 location_type_not_allowed)")
    @PostMapping("/api/products/stock-moves")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    StockMoveService.Move move(@Valid @RequestBody StockMoveService.MoveRequest request, Caller caller) {
        return moves.move(caller, request);
    }
}
