package dev.kassa.catalog.catalogue.category;

import java.util.Collection;
import java.util.Map;

/**
 * How many products each category holds: products are catalog's product feature's, which depends on categories, so the
 * category feature asks through this interface (implemented there) instead of depending back on it.
 */
public interface ProductCounts {

    /** Products per category id, for the given categories (a category without products is absent). */
    Map<Long, Long> byCategory(Collection<Long> categories);
}
