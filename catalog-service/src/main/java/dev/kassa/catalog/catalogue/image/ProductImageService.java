package dev.kassa.catalog.catalogue.image;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.entry.ProductLookupRepository;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.files.FileStore;
import dev.kassa.platform.files.StoredFile;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Product images (spec C21, C27): a gallery per product, each image a JPEG, PNG or WebP kept by the platform's file store
 * (checked from its bytes, 5 MB at most). The first image in the gallery's order is the product's {@code main_image}.
 */
@Service
public class ProductImageService {

    static final int MAX_PER_PRODUCT = 20;

    private final ProductImageRepository images;
    private final ProductLookupRepository products;
    private final FileStore files;
    private final RequestRules rules;

    ProductImageService(
            ProductImageRepository images, ProductLookupRepository products, FileStore files, RequestRules rules) {
        this.images = images;
        this.products = products;
        this.files = files;
        this.rules = rules;
    }

    /** Adds an image to the gallery of the product of the address ({@code products/{id}/add_image}): 404 if there is none. */
    @Transactional
    public ImageView addTo(long product, MultipartFile image, String altText, String order) {
        if (!exists(product)) {
            throw CatalogErrors.NO_SUCH_PRODUCT.exception();
        }
        return add(product, new FieldErrors(), image, altText, order);
    }

    /** Adds an image to the gallery of the form's {@code product} (a 400 on that field if it names no product). */
    @Transactional
    public ImageView add(String productField, MultipartFile image, String altText, String order) {
        FieldErrors errors = new FieldErrors();
        Long product = errors.id("product", productField);
        if (product != null && !exists(product)) {
            errors.add("product", "catalog.product_not_found");
        }
        return add(product, errors, image, altText, order);
    }

    private ImageView add(Long product, FieldErrors errors, MultipartFile image, String altText, String order) {
        if (image == null || image.isEmpty()) {
            errors.required("image");
        }
        errors.maxLength("alt_text", altText, 200);
        int position = order(order, 0, errors);
        errors.throwIfAny();
        if (images.of(List.of(product)).size() >= MAX_PER_PRODUCT) {
            throw FieldErrors.single("image", "catalog.too_many_images", MAX_PER_PRODUCT);
        }
        StoredFile file = files.put("image", image, "product_image");
        long id = images.add(product, file.id(), altText == null ? "" : altText.trim(), position);
        return view(images.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public ImageView get(long id) {
        return view(images.find(id).orElseThrow(() -> CatalogErrors.IMAGE_NOT_FOUND.exception()));
    }

    /** Every image, or one product's; {@code ordering}: order (the gallery's), created_at, either with '-'. */
    @Transactional(readOnly = true)
    public Page<ImageView> page(Long product, String ordering, Pageable page) {
        String orderBy =
                switch (ordering == null || ordering.isBlank() ? "order" : ordering.trim()) {
                    case "order" -> "sort_order, created_at, id";
                    case "-order" -> "sort_order desc, created_at desc, id desc";
                    case "created_at" -> "created_at, id";
                    case "-created_at" -> "created_at desc, id desc";
                    default -> throw FieldErrors.single("ordering", "validation.invalid");
                };
        List<ProductImageRepository.Image> found = images.page(product, orderBy, page.getPageSize(), page.getOffset());
        return new PageImpl<>(views(found), page, images.count(product));
    }

    /** Changes an image's alt text or place (what is given); {@code order} is read from text as a form sends it. */
    @Transactional
    ImageView edit(long id, ImageEdit edit) {
        ProductImageRepository.Image image =
                images.find(id).orElseThrow(() -> CatalogErrors.IMAGE_NOT_FOUND.exception());
        FieldErrors errors = rules.check(edit);
        int position = order(edit.order(), image.order(), errors);
        errors.throwIfAny();
        String altText =
                edit.altText() == null ? image.altText() : edit.altText().trim();
        images.edit(id, altText, position);
        return view(images.find(id).orElseThrow());
    }

    @Transactional
    public void delete(long id) {
        ProductImageRepository.Image image =
                images.find(id).orElseThrow(() -> CatalogErrors.IMAGE_NOT_FOUND.exception());
        images.delete(id);
        files.delete(List.of(image.file()));
    }

    /** Forgets a product's files before the product (and with it its gallery rows) is deleted. */
    @Transactional
    public void forget(long product) {
        files.delete(images.filesOf(product));
    }

    /** An image of a product's gallery as its row and its file give it (read with the product, in its statement). */
    public ImageView view(
            long id,
            long product,
            UUID file,
            String altText,
            int order,
            String contentType,
            int size,
            Instant createdAt) {
        return new ImageView(
                id, product, files.path(file), files.url(file), altText, order, contentType, size, createdAt);
    }

    private List<ImageView> views(List<ProductImageRepository.Image> found) {
        Map<UUID, StoredFile> stored = files.find(
                found.stream().map(ProductImageRepository.Image::file).toList());
        return found.stream()
                .filter(i -> stored.containsKey(i.file()))
                .map(i -> {
                    StoredFile f = stored.get(i.file());
                    return new ImageView(
                            i.id(),
                            i.product(),
                            f.path(),
                            files.url(f.id()),
                            i.altText(),
                            i.order(),
                            f.contentType(),
                            f.size(),
                            i.createdAt());
                })
                .toList();
    }

    private ImageView view(ProductImageRepository.Image image) {
        return views(List.of(image)).get(0);
    }

    private boolean exists(long product) {
        return products.exists(product);
    }

    private static int order(String value, int otherwise, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int order = Integer.parseInt(value.trim());
            if (order < 0) {
                errors.add("order", "validation.not_negative");
            }
            return order;
        } catch (NumberFormatException e) {
            errors.add("order", "validation.number");
            return otherwise;
        }
    }
}
