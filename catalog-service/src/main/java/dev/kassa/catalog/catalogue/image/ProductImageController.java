package dev.kassa.catalog.catalogue.image;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Product images (spec C21 {@code products/{id}/add_image/}, C27 {@code product-images/} CRUD): multipart uploads of
 * JPEG, PNG or WebP (5 MB each); each image is served back through the gateway at its {@code image_url}.
 */
@RestController
@RequestMapping("/api/products")
class ProductImageController {

    private final ProductImageService images;

    ProductImageController(ProductImageService images) {
        this.images = images;
    }

    @Operation(summary = "Add an image to a product's gallery (multipart: image, alt_text, order)")
    @PostMapping(value = "/products/{id}/add_image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ImageView addImage(
            @PathVariable long id,
            @RequestPart(required = false) MultipartFile image,
            @RequestParam(name = "alt_text", required = false) String altText,
            @RequestParam(required = false) String order) {
        return images.addTo(id, image, altText, order);
    }

    @Operation(summary = "Product images: product, ordering order or created_at ('-' for descending)")
    @GetMapping("/product-images")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ImageView> list(
            @RequestParam(required = false) Long product,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(images.page(product, ordering, page), v -> v);
    }

    @Operation(summary = "Upload a product image (multipart: product, image, alt_text, order)")
    @PostMapping(value = "/product-images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ImageView create(
            @RequestParam(required = false) String product,
            @RequestPart(required = false) MultipartFile image,
            @RequestParam(name = "alt_text", required = false) String altText,
            @RequestParam(required = false) String order) {
        return images.add(product, image, altText, order);
    }

    @Operation(summary = "A product image")
    @GetMapping("/product-images/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    ImageView get(@PathVariable long id) {
        return images.get(id);
    }

    @Operation(
            summary =
                    "Change an image's alt text or place in the gallery (to change the picture, add a new image and delete this one)")
    @RequestMapping(
            value = "/product-images/{id}",
            method = {RequestMethod.PATCH, RequestMethod.PUT},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Access.EDIT_CATALOG)
    ImageView edit(@PathVariable long id, @RequestBody ImageEdit edit) {
        return images.edit(id, edit);
    }

    @Operation(summary = "Remove an image from its product's gallery")
    @DeleteMapping("/product-images/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void delete(@PathVariable long id) {
        images.delete(id);
    }
}
