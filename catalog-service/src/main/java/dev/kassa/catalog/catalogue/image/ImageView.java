package dev.kassa.catalog.catalogue.image;

import java.time.Instant;

/**
 * A product image (spec C21, C27): {@code image} its path at the gateway, {@code image_url} the same as an absolute
 * address; fetched with the store's token and key like the rest of the API.
 */
public record ImageView(
        long id,
        long product,
        String image,
        String imageUrl,
        String altText,
        int order,
        String contentType,
        int size,
        Instant createdAt) {}
