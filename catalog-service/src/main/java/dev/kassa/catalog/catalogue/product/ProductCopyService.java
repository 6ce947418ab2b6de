package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.OpeningStock;
import dev.kassa.catalog.catalogue.category.CategoryService;
import dev.kassa.catalog.catalogue.unit.Unit;
import dev.kassa.catalog.catalogue.unit.UnitRepository;
import dev.kassa.catalog.catalogue.unit.UnitService;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.EventHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * One catalogue across an owner's stores, the destination's side (run by catalog's consumer inside the destination's
 * transaction, once per event, with the event's payload): each entry of a {@link ProductsShared} updates the store's copy of that
 * chain product, or the product the store already had with its SKU (or barcode), or makes a new one without stock. A
 * copy keeps what its store set itself (its sale price, whether it is sold) and its own cost; the rest follows the chain.
 */
@NamedInterface("products")
@Service
public class ProductCopyService {

    private static final Logger log = LoggerFactory.getLogger(ProductCopyService.class);

    private final ProductShareRepository shares;
    private final ProductRepository products;
    private final ProductService service;
    private final CategoryService categories;
    private final UnitService units;
    private final UnitRepository unitRows;

    ProductCopyService(
            ProductShareRepository shares,
            ProductRepository products,
            ProductService service,
            CategoryService categories,
            UnitService units,
            UnitRepository unitRows) {
        this.shares = shares;
        this.products = products;
        this.service = service;
        this.categories = categories;
        this.units = units;
        this.unitRows = unitRows;
    }

    /**
     * The chain consumer's handlers with this store's side of a share: each {@link ProductsShared} handled in the store it
     * is shared with, inside that store's transaction (the consumer's inbox opens it).
     */
    public EventHandlers handling(EventHandlers handlers) {
        return handlers.inStore(ProductsShared.class, ProductsShared::toStore, this::arrived);
    }

    /**
     * The shared products in this store: each known one updated, the rest made together (a category or unit the store
     * lacks is made too). An entry the store's rules refuse (a barcode another of its products has, a sale price under
     * the store's cost) is left as the store had it and logged; the others are applied.
     */
    void arrived(ProductsShared shared) {
        ImportedNames categoryNames = new ImportedNames(categories::find, categories::named);
        ImportedNames unitNames =
                new ImportedNames(value -> unitRows.resolve(value).map(Unit::id), units::named);
        List<ProductsShared.Entry> fresh = new ArrayList<>();
        List<CreateProductRequest> forms = new ArrayList<>();
        List<Long> copies = shares.copies(shared.products());
        for (int i = 0; i < copies.size(); i++) {
            ProductsShared.Entry e = shared.products().get(i);
            if (copies.get(i) != null) {
                update(copies.get(i), e, shared.fromStore(), unitNames, categoryNames);
            } else {
                fresh.add(e);
                forms.add(form(e, null, unitNames, categoryNames));
            }
        }
        if (forms.isEmpty()) {
            return;
        }
        List<ProductService.Created> made = service.createAll(forms, OpeningStock.Source.FORM, true);
        List<Long> linked = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            ProductsShared.Entry e = fresh.get(i);
            if (made.get(i).id() != null) {
                linked.add(made.get(i).id());
                keys.add(e.chainKey());
            } else {
                log.warn(
                        "Shared product {} from {} not made here: {}",
                        e.chainKey(),
                        shared.fromStore(),
                        made.get(i).refusal().getMessage());
            }
        }
        products.linkAll(linked, keys, shared.fromStore());
        // a store filled by the chain grows fast: its statistics are taken again each time its products double (as an
        // import does), so that the lookups of the next entries are planned for the table as it is
        if (!linked.isEmpty()
                && Long.highestOneBit(linked.get(0)) != Long.highestOneBit(linked.get(linked.size() - 1))) {
            products.analyze();
        }
    }

    /** The store's product {@code id} becomes (or stays) the chain's copy, changed as the chain's entry says. */
    private void update(
            long id, ProductsShared.Entry e, String from, ImportedNames unitNames, ImportedNames categoryNames) {
        ProductShareRepository.Chain chain = shares.chain(id).orElse(null);
        if (chain == null || chain.sharedFrom() == null) {
            products.link(id, e.chainKey(), from);
            chain = new ProductShareRepository.Chain(e.chainKey(), from, false, false);
        }
        Product product = products.findById(id).orElseThrow();
        try {
            service.change(product, form(e, chain, unitNames, categoryNames), true);
        } catch (KassaException refused) {
            log.warn("Shared product {} from {} not changed here: {}", e.chainKey(), from, refused.getMessage());
        }
    }

    /**
     * The product form of an entry: for a new copy everything (its cost too, until goods arrive), for a known one what
     * the chain decides (not the cost, nor what the store set itself, {@code chain}).
     */
    private static CreateProductRequest form(
            ProductsShared.Entry e,
            ProductShareRepository.Chain chain,
            ImportedNames unitNames,
            ImportedNames categoryNames) {
        boolean known = chain != null;
        return new CreateProductRequest(
                e.name(),
                blankToNull(e.sku()),
                blankToNull(e.barcode()),
                e.description(),
                e.unit() == null ? null : String.valueOf(unitNames.id(e.unit())),
                e.category() == null ? null : String.valueOf(categoryNames.id(e.category())),
                known ? null : e.costPrice(),
                known && chain.ownSalePrice() ? null : e.salePrice(),
                e.wholesalePrice(),
                e.taxRate(),
                null,
                null,
                null,
                e.trackInventory(),
                null,
                null,
                null,
                known && chain.ownActive() ? null : e.isActive(),
                e.hazardous(),
                e.made());
    }
}
