package dev.kassa.analytics.webhook;

import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A subscription as the owner sends it: a create needs {@code url} and {@code event_types}; a PATCH changes the fields it
 * names ({@code is_active: true} turns on one that Kassa turned off).
 */
record SubscriptionRequest(
        @Required(groups = Whole.class) @Filled @Size(max = 2000) String url,
        @Size(max = 200) String description,
        @Required(groups = Whole.class) @EventTypes List<String> eventTypes,
        Boolean isActive) {}
