package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.platform.error.Messages;

import java.math.BigDecimal;

/**
 * What Kassa had to decide to record a sale that already happened at an offline till ({@link SaleUpload}) instead of
 * refusing it: the goods have left and the money was taken, so the sale is recorded as it happened and each decision says
 * where it differs from what Kassa knew. Kept with the sale, so a repeated upload answers the same decisions.
 *
 * @param code  {@code price_changed}, {@code stock_short} or {@code credit_over_limit}
 * @param field the request's field it concerns ({@code items.0.unit_price}, {@code items.1.quantity}, {@code payments})
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
        BigDecimal overLimit) {

    /** The line was sold at the till's price, which is no longer the catalogue's; the sale keeps the till's. */
    static UploadDecision priceChanged(int line, BigDecimal tillPrice, BigDecimal catalogPrice) {
        return new UploadDecision(
                "price_changed", "items." + line + ".unit_price", tillPrice, catalogPrice, null, null, null);
    }

    /**
     * The line sold more than the batches had: they gave what they had (none goes below zero) and the rest is sold without
     * a batch, so the product's stock wants counting.
     */
    static UploadDecision stockShort(int line, BigDecimal quantity, BigDecimal shortfall) {
        return new UploadDecision("stock_short", "items." + line + ".quantity", null, null, quantity, shortfall, null);
    }

    /** The credit tender took the customer over their credit limit by {@code overLimit}; the debt is recorded whole. */
    static UploadDecision creditOverLimit(BigDecimal overLimit) {
        return new UploadDecision("credit_over_limit", "payments", null, null, null, null, overLimit);
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
            default -> code;
        };
    }
}
