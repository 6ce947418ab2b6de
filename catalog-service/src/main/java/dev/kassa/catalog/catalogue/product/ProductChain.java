package dev.kassa.catalog.catalogue.product;

import java.util.Collection;
import java.util.List;

/**
 * A product's place in an owner's chain of stores (issue 86 point 2), written with the products: a fragment of
 * {@link ProductRepository}.
 */
public interface ProductChain {

    /** Gives each of the products that has none its chain-wide key (a new random one). */
    void keyAll(Collection<Long> products);

    /** Makes the product the copy of the chain's product {@code key} shared from {@code store}. */
    void link(long product, String key, String store);

    /** Makes each product the copy of the chain's product with the key at the same place, shared from {@code store}. */
    void linkAll(List<Long> products, List<String> keys, String store);

    /** A copy's sale price or active flag set by its own store: the chain's changes leave it alone from now on. */
    void own(long product, boolean salePrice, boolean active);
}
