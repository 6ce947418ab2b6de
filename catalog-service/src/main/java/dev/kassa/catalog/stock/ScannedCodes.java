package dev.kassa.catalog.stock;

import java.util.Optional;

/**
 * What a scanned code names, for a hold made by code: a product, and for a batch's own code also the batch. Implemented
 * by the product feature, which owns the store's codes; stock asks through this interface so it does not depend on products.
 */
public interface ScannedCodes {

    record Scanned(long productId, Long batchId) {}

    Optional<Scanned> scanned(String code);
}
