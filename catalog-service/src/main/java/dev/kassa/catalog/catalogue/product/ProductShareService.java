package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.PrintableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One catalogue across an owner's stores (issue 86 point 2), the source's side: an owner shares products (or whole
 * categories) with others of their stores; each product gets its chain-wide key, the stores are recorded, and a
 * {@code ProductsShared} per store carries the entries there (the destination's consumer makes or updates its copies,
 * {@link ProductCopyService}). A shared product changed later goes out again to every store it is shared with. A copy
 * changed by its own store keeps its own sale price and active flag from then on.
 */
@NamedInterface("products")
@Service
public class ProductShareService {

    /** At most this many products, categories or stores named in one request. */
    static final int MAX_NAMED = 10_000;

    /** What to share with which stores: products, categories (with their subcategories), or both. */
    public record ShareRequest(
            @Size(max = MAX_NAMED) List<@NotNull Long> products,
            @Size(max = MAX_NAMED) List<@NotNull Long> categories,
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 64) @PrintableText String> stores) {}

    /** What was shared: how many products, with which stores. */
    public record Shared(int products, List<String> stores) {}

    /** A product's place in the chain: its key, where it came from (null: this store's own), what is shared where. */
    public record ChainView(
            String chainKey, String sharedFrom, boolean ownSalePrice, boolean ownActive, List<ShareView> sharedWith) {}

    /** A store the product is shared with. */
    public record ShareView(String store, Long sharedBy, Instant sharedAt) {}

    private final ProductShareRepository shares;
    private final ProductRepository products;
    private final OutboxPublisher outbox;

    ProductShareService(ProductShareRepository shares, ProductRepository products, OutboxPublisher outbox) {
        this.shares = shares;
        this.products = products;
        this.outbox = outbox;
    }

    /**
     * Shares the store's own products named, and those of the categories named, with the stores named: only an owner of
     * this store and of each of them (403 otherwise, a store not theirs a field error); copies of another store's
     * products are not shared on. Sharing again sends the entries again and changes nothing else.
     */
    @Transactional
    public Shared share(Caller caller, ShareRequest r) {
        if (caller.role() != Role.OWNER) {
            throw CatalogErrors.SHARE_NEEDS_OWNER.exception();
        }
        FieldErrors errors = new FieldErrors();
        String here = TenantContext.require().key();
        List<String> stores = r.stores().stream().map(String::trim).distinct().toList();
        for (int i = 0; i < r.stores().size(); i++) {
            String store = r.stores().get(i).trim();
            if (store.equals(here)
                    || caller.roleIn(store).filter(Role.OWNER::equals).isEmpty()) {
                errors.add("stores." + i, "catalog.share_store_not_owned", store);
            }
        }
        List<Long> named = r.products() == null ? List.of() : r.products();
        List<Long> categories = r.categories() == null ? List.of() : r.categories();
        if (named.isEmpty() && categories.isEmpty()) {
            errors.add("products", "catalog.share_nothing");
        }
        errors.throwIfAny();
        List<Long> ids = shares.own(named, categories);
        if (ids.isEmpty()) {
            throw FieldErrors.single("products", "catalog.share_nothing");
        }
        products.keyAll(ids);
        stores.forEach(store -> shares.share(ids, store, caller.userId()));
        publish(ids, stores, caller.userId());
        return new Shared(ids.size(), stores);
    }

    /**
     * Shares products with another of the owner's stores on a transfer's behalf (the destination lacks them): whoever
     * may move goods between the two stores makes the destination have the products the goods are.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void shareWith(List<Long> ids, String store, long by) {
        products.keyAll(ids);
        shares.share(ids, store, by);
        publish(ids, List.of(store), by);
    }

    /**
     * A new store opened with a copy of this store's catalogue (auth's {@code StoreCreated} naming this store): every
     * product of this store's own is shared with it, by the owner who opened it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void shareAll(String store, long by) {
        List<Long> ids = shares.allOwn();
        if (!ids.isEmpty()) {
            shareWith(ids, store, by);
        }
    }

    /**
     * A product changed through the store's own form: a product this store shares goes out again to every store it is
     * shared with; a copy of another store's product keeps the sale price and active flag its store gave it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void changedHere(long product, CreateProductRequest r) {
        products.own(product, r.salePrice() != null, r.isActive() != null);
        List<String> stores = shares.sharedWith(product);
        if (!stores.isEmpty()) {
            publish(List.of(product), stores, null);
        }
    }

    /**
     * Stops sharing a product with a store (an owner's call, as sharing is): the store keeps its copy as it stands, as
     * a product of its own that this store's changes no longer reach; 404 when the product is not shared with it.
     */
    @Transactional
    public ChainView unshare(Caller caller, long product, String store) {
        if (caller.role() != Role.OWNER) {
            throw CatalogErrors.SHARE_NEEDS_OWNER.exception();
        }
        if (!shares.unshare(product, store)) {
            throw CatalogErrors.SHARE_NOT_FOUND.exception();
        }
        return chain(product);
    }

    /** The product's place in the chain (404 for a product the store does not have). */
    @Transactional(readOnly = true)
    public ChainView chain(long product) {
        if (!products.existsById(product)) {
            throw CatalogErrors.NO_SUCH_PRODUCT.exception();
        }
        List<ShareView> with = shares.shares(product).stream()
                .map(s -> new ShareView(s.store(), s.sharedBy(), s.sharedAt()))
                .toList();
        return shares.chain(product)
                .map(c -> new ChainView(c.key(), c.sharedFrom(), c.ownSalePrice(), c.ownActive(), with))
                .orElse(new ChainView(null, null, false, false, with));
    }

    /** The products' entries to each store, {@link ProductsShared#CHUNK} a message. */
    private void publish(List<Long> ids, Collection<String> stores, Long by) {
        String here = TenantContext.require().key();
        List<ProductsShared.Entry> entries = shares.entries(ids);
        List<Object> events = new ArrayList<>();
        // chunk by chunk, each to every store: a poll of the chain's consumer brings work for several stores, which it
        // handles side by side
        for (int from = 0; from < entries.size(); from += ProductsShared.CHUNK) {
            List<ProductsShared.Entry> chunk =
                    List.copyOf(entries.subList(from, Math.min(entries.size(), from + ProductsShared.CHUNK)));
            for (String store : stores) {
                events.add(new ProductsShared(here, store, by, chunk));
            }
        }
        outbox.publishAll(here, events);
    }
}
