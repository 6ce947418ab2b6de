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
            summary = "Move stock between locations: {lines: [{batch, quantity, to}], note?}; every line or none (409 "
                    + "stock_move_short naming each line a batch has too little free for), each a move out of the batch "
                    + "and into its copy at the other location")
    @PostMapping("/api/products/stock-moves")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    StockMoveService.Move move(@Valid @RequestBody StockMoveService.MoveRequest request, Caller caller) {
        return moves.move(caller, request);
    }
}
