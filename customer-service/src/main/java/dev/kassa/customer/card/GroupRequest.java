package dev.kassa.customer.card;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.Percent;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A customer group as an owner writes it: its name, description, discount and threshold (a name is required after a PATCH
 * too, and unique in the store: {@code GroupService}).
 */
@DomainValidated
record GroupRequest(
        @Required(groups = Whole.class) @Filled @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @Percent(message = "customer.discount_invalid") BigDecimal discountPercent,
        @Money BigDecimal minPurchaseAmount,
        Boolean isActive) {}
