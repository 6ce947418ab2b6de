package dev.kassa.sales.till;

import dev.kassa.platform.data.Values;
import dev.kassa.platform.validation.IsoDate;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * The sales list's filters as its query spells them, for the list and its export: status, shift, a search over the
 * receipt number and the customer's name or phone, the store's business dates (both ends included), the seller and a
 * receipt number or a card payment's transaction id. A blank filter is no filter.
 */
public record SaleFilter(
        String status,
        Long session,
        String search,
        @BindParam("date_from") @Parameter(name = "date_from", description = "YYYY-MM-DD, a business date") @IsoDate
                String dateFrom,
        @BindParam("date_to") @Parameter(name = "date_to", description = "YYYY-MM-DD, a business date") @IsoDate
                String dateTo,
        @Parameter(description = "the seller's user id") Long cashier,
        @BindParam("transaction_id") @Parameter(name = "transaction_id") String transactionId) {

    public SaleFilter {
        status = blankToNull(status);
        search = blankToNull(search);
        transactionId = blankToNull(transactionId);
    }

    /** The filter as the search statement binds it (dates read once their form is checked). */
    SaleSearchRepository.Filter query() {
        return new SaleSearchRepository.Filter(
                status, session, search, Values.isoDate(dateFrom), Values.isoDate(dateTo), cashier, transactionId);
    }

    /** The dates the filter covers, for a file's name ({@code 2026-11-01_2026-11-30}); null when it names none. */
    String period() {
        return dateFrom == null && dateTo == null
                ? null
                : (dateFrom == null ? "" : dateFrom.trim()) + "_" + (dateTo == null ? "" : dateTo.trim());
    }
}
