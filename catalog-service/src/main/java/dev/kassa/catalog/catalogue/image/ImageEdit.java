package dev.kassa.catalog.catalogue.image;

import dev.kassa.platform.validation.DomainValidated;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * An image's alt text and place in the gallery; {@code order} comes as a number or as text (the web client's forms),
 * read by the service with the image it changes.
 */
@DomainValidated
record ImageEdit(@Size(max = 200) String altText, @Schema(types = {"integer", "string"}) String order) {}
