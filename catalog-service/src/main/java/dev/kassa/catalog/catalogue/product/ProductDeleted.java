package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** A product that was never sold was deleted (a sold product is deactivated instead: {@link ProductUpdated}). */
@KassaEvent(topic = Topics.CATALOG)
public record ProductDeleted(long productId) {}
