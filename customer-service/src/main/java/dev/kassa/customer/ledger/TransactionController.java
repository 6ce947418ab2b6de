package dev.kassa.customer.ledger;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static dev.kassa.platform.data.Values.blankToNull;

/** The balance ledger, read-only (spec §6.3 K11): entries are made by payments, corrections and sales. */
@RestController
@RequestMapping("/api/customers/transactions")
class TransactionController {

    private static final SqlOrdering ORDERING =
            SqlOrdering.of("-created_at", "t.id", Map.of("created_at", "t.created_at", "amount", "t.amount"));

    private final LedgerQueryService ledger;

    TransactionController(LedgerQueryService ledger) {
        this.ledger = ledger;
    }

    @Operation(
            summary =
                    "Ledger entries, newest first: filters customer, transaction_type, sale; ordering created_at, amount")
    @GetMapping
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<LedgerRepository.Entry> list(
            @RequestParam(required = false) Long customer,
            @RequestParam(name = "transaction_type", required = false) String type,
            @RequestParam(required = false) String sale,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(
                ledger.page(customer, blankToNull(type), sale == null || sale.isBlank() ? null : sale, orderBy, page),
                e -> e);
    }

    @Operation(summary = "One ledger entry")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CUSTOMERS)
    LedgerRepository.Entry get(@PathVariable long id) {
        return ledger.find(id);
    }
}
