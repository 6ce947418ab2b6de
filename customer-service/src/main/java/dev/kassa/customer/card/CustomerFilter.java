package dev.kassa.customer.card;

import dev.kassa.platform.data.LikePatterns;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

import java.util.Locale;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * The customer list's filters as its query spells them, for the list and its export: a search over names, phones, e-mail
 * and company ({@code q} is the original web client's name for it), active, blocked, type and group. A blank filter is
 * no filter.
 */
public record CustomerFilter(
        String search,
        @Parameter(description = "the same as search (the original web client's name)") String q,
        @BindParam("is_active") @Parameter(name = "is_active") Boolean active,
        @BindParam("is_blocked") @Parameter(name = "is_blocked") Boolean blocked,
        @BindParam("customer_type") @Parameter(name = "customer_type", description = "individual or company")
                String type,
        Long group) {

    public CustomerFilter {
        type = blankToNull(type);
    }

    /** The search as a pattern of lower-case text, or null. */
    String like() {
        String text = search != null ? search : q;
        return LikePatterns.contains(text == null ? null : text.toLowerCase(Locale.ROOT));
    }
}
