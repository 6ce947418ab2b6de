package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.analytics.product.ProductRepository;

import java.math.BigDecimal;

/**
 * The parts of catalog's events that analytics reads (contracts: docs/events.md); {@code ProductUpdated} is read as the
 * {@link ProductRepository.Product} it carries.
 */
final class CatalogEvents {
    private CatalogEvents() {}

    /** The product a new product's event carries, and whether it keeps stock (a service does not). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductCreated(@JsonUnwrapped ProductRepository.Product product, Boolean trackInventory) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductDeleted(long productId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockChanged(long productId, BigDecimal onHand, BigDecimal available) {}
}
