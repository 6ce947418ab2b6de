package dev.kassa.catalog.catalogue.tag;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.entry.Slugify;
import dev.kassa.catalog.catalogue.product.ProductRepository;
import dev.kassa.catalog.catalogue.tag.TagRepository.Tag;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;

/** Tags (spec C32) and, unlike the original, the products that carry them; a name is unique in the store. */
@Service
@Transactional
class TagService {

    /** A tag's fields: a whole record (create, PUT) needs its name; a PATCH changes the fields given. */
    record TagRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 50) String name,
            @Size(max = 50) String slug,
            @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "catalog.color_invalid") String color,
            @Size(max = 50) String icon,
            String description,
            Boolean isActive,
            Integer order) {}

    private static final String DEFAULT_COLOR = "#3B82F6";

    private final TagRepository tags;
    private final ProductRepository products;

    TagService(TagRepository tags, ProductRepository products) {
        this.tags = tags;
        this.products = products;
    }

    @Transactional(readOnly = true)
    Page<Tag> page(TagRepository.Filter filter, String ordering, Pageable page) {
        String orderBy = TagRepository.ORDERING.orderBy(ordering);
        return tags.page(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    Tag get(long id) {
        return tags.find(id).orElseThrow(() -> CatalogErrors.TAG_NOT_FOUND.exception());
    }

    Tag create(TagRequest r) {
        try {
            return get(tags.insert(new TagRepository.Fields(
                    r.name().trim(),
                    slug(r),
                    r.color() == null ? DEFAULT_COLOR : r.color(),
                    r.icon() == null ? "" : r.icon(),
                    r.description() == null ? "" : r.description(),
                    r.isActive() == null || r.isActive(),
                    r.order() == null ? 0 : r.order())));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.tag_taken");
        }
    }

    /** PUT ({@code partial} false: what is not sent goes back to its default) or PATCH (what is not sent stays). */
    Tag update(long id, TagRequest r, boolean partial) {
        Tag c = get(id);
        try {
            tags.update(
                    id,
                    new TagRepository.Fields(
                            r.name() != null ? r.name().trim() : c.name(),
                            r.slug() != null ? slug(r) : c.slug(),
                            r.color() != null ? r.color() : partial ? c.color() : DEFAULT_COLOR,
                            r.icon() != null ? r.icon() : partial ? c.icon() : "",
                            r.description() != null ? r.description() : partial ? c.description() : "",
                            r.isActive() != null ? r.isActive() : !partial || c.isActive(),
                            r.order() != null ? r.order() : partial ? c.order() : 0));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.tag_taken");
        }
        return get(id);
    }

    void delete(long id) {
        if (!tags.delete(id)) {
            throw CatalogErrors.TAG_NOT_FOUND.exception();
        }
    }

    @Transactional(readOnly = true)
    List<Tag> ofProduct(long product) {
        requireProduct(product);
        return tags.ofProduct(product);
    }

    /** The product carries exactly the given tags afterwards (each must exist; the request requires the list). */
    List<Tag> setOfProduct(long product, List<Long> wanted) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>(wanted);
        requireProduct(product);
        if (ids.contains(null) || tags.existing(ids) != ids.size()) {
            throw FieldErrors.single("tags", "catalog.tag_not_found");
        }
        tags.setOfProduct(product, ids);
        return tags.ofProduct(product);
    }

    private void requireProduct(long id) {
        if (!products.existsById(id)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
    }

    private static String slug(TagRequest r) {
        String slug = Slugify.of(FieldErrors.blank(r.slug()) ? r.name() : r.slug());
        return slug.isEmpty()
                ? "tag-" + Integer.toHexString(r.name().hashCode())
                : slug.substring(0, Math.min(50, slug.length()));
    }
}
