/**
 * The catalogue: what a store sells and makes of it. Products with their codes, prices, variants, images and labels,
 * categories, units, attributes, tags, modifiers and recipes; owns their tables and the products' events
 * ({@code ProductCreated}, {@code ProductUpdated}, {@code ProductDeleted}).
 *
 * <p>Publishes to the inventory (and to nothing else inside the service): {@code product.ProductService} (a product, its
 * page, a scanned code, the costs receipts set), {@code product.ProductView}, {@code product.CreateProductRequest},
 * {@code product.BarcodeRepository} (which product a code names), {@code modifier.ModifierService} and
 * {@code modifier.ModifierChoice} (the options a held line chose), each marked {@code @NamedInterface}; and for reading
 * in SQL the reference tables {@code products}, {@code categories}, {@code units}, {@code product_barcodes},
 * {@code scanned_codes}, {@code recipe_components}, {@code modifier_groups}, {@code modifier_options},
 * {@code product_modifier_groups} (the inventory joins them for names, recipes and a till's hold in one statement; it
 * never writes them), with {@link dev.kassa.catalog.catalogue.MadeOfOthers}: which products are made of others for
 * stock. The service's {@code ArchitectureTests} hold the same list.
 *
 * <p>Declares what it needs of stock and uses no inventory type: {@link dev.kassa.catalog.catalogue.StockFigures} (the
 * stock a product's page and lists show, as SQL pieces of one statement) and
 * {@link dev.kassa.catalog.catalogue.OpeningStock} (a new product's first batch), both provided by the inventory.
 * Checked by Spring Modulith in the service's {@code ArchitectureTests}; drawn under {@code docs/modules/}.
 */
package dev.kassa.catalog.catalogue;
