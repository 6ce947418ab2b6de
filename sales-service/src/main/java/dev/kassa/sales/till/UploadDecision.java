package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.platform.error.Messages;

import java.math.BigDecimal;

/**
 * What Kassa had to decide to record a sale that already happened at an offline till ({@link SaleUploadService}) instead of
 * refusing it: the goods have left and the money was taken, so the sale is recorded as it happened and each decision says
 * where it differs from what Kassa knew. Kept with the sale, so a repeated upload answers the same decisions.
 *
 * @param code    {@code price_changed}, {@code stock_short}, {@code credit_over_limit}, {@code shift_closed} or
 *                {@code other_shift}
 * @param field   the request's field it concerns ({@code items.0.unit_price}, {@code items.1.quantity}, {@code payments},
 *                {@code session})
 * @param session the shift the sale was recorded in, when it is not the open shift the request named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "message", allowGetters = true)
public record UploadDecision(
        String code,
        String field,
        BigDecimal tillPrice,
        BigDecimal catalogPrice,
        BigDecimal quantity,
        BigDecimal shortfall,
        BigDecimal overLimit,
        Long session) {

    /** The line was sold at the till's price, which is no longer the catalogue's; the sale keeps the till's. */
    static UploadDecision priceChanged(int line, BigDecimal tillPrice, BigDecimal catalogPrice) {
        return new UploadDecision(
                "price_changed", "items." + line + ".unit_price", tillPrice, catalogPrice, null, null, null, null);
    }

    /**
     * The line sold more than the batches had: they gave what they had (none goes below zero) and the rest is sold without
     * a batch, so the product's stock wants counting.
     */
    static UploadDecision stockShort(int line, BigDecimal quantity, BigDecimal shortfall) {
        return new UploadDecision(
                "stock_short", "items." + line + ".quantity", null, null, quantity, shortfall, null, null);
    }

    /** The credit tender took the customer over their credit limit by {@code overLimit}; the debt is recorded whole. */
    static UploadDecision creditOverLimit(BigDecimal overLimit) {
        return new UploadDecision("credit_over_limit", "payments", null, null, null, null, overLimit, null);
    }

    /**
     * The sale was made in shift {@code session} of the same register, not in the shift it named: that shift was open when
     * it was made. {@code closed}: that shift has been closed since, and its expected cash and difference now count it.
     */
    static UploadDecision otherShift(long session, boolean closed) {
        return new UploadDecision(
                closed ? "shift_closed" : "other_shift", "session", null, null, null, null, null, session);
    }

    /** What was decided, in the caller's language. */
    @JsonProperty("message")
    public String message() {
        return switch (code) {
            case "price_changed" -> Messages.get(
                    "sales.decision.price_changed", tillPrice.toPlainString(), catalogPrice.toPlainString());
            case "stock_short" -> Messages.get(
                    "sales.decision.stock_short", quantity.toPlainString(), shortfall.toPlainString());
            case "credit_over_limit" -> Messages.get("sales.decision.credit_over_limit", overLimit.toPlainString());
            case "shift_closed", "other_shift" -> Messages.get("sales.decision." + code, String.valueOf(session));
            default -> code;
        };
    }
}
