package dev.kassa.catalog;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of catalog-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw CatalogErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum CatalogErrors implements KassaError {
    ADJUSTMENT_EXCEEDS(400, "insufficient_stock", "catalog.adjustment_exceeds"),
    BARCODE_REQUIRED(400, "barcode_required", "catalog.barcode_required"),
    CATEGORY_HAS_CHILDREN(400, "category_has_children", "catalog.category_has_children"),
    INSUFFICIENT_STOCK(400, "insufficient_stock", "catalog.insufficient_stock"),
    /** A component of a product made of others has less than the line needs (the same code as a product's own stock). */
    COMPONENT_SHORT(400, "insufficient_stock", "catalog.component_short"),
    NO_PRICE(400, "no_price", "catalog.label_no_price"),
    PRODUCT_INACTIVE(400, "product_inactive", "catalog.product_inactive"),
    PRODUCT_IN_USE(400, "product_in_use", "catalog.product_in_use"),
    STOCK_NOT_TRACKED(400, "stock_not_tracked", "catalog.stock_not_tracked"),
    UNIT_IN_USE(400, "unit_in_use", "catalog.unit_in_use"),
    ATTRIBUTE_NOT_FOUND(404, "attribute_not_found", "catalog.attribute_not_found"),
    ATTRIBUTE_VALUE_NOT_FOUND(404, "attribute_value_not_found", "catalog.attribute_value_not_found"),
    PRODUCT_NOT_FOUND_BY_BARCODE(404, "product_not_found", "catalog.barcode_not_found"),
    BARCODE_NOT_FOUND(404, "barcode_not_found", "catalog.barcode_unknown"),
    BATCH_NOT_FOUND(404, "batch_not_found", "catalog.batch_not_found"),
    /** A batch with stock left is not removed: its stock leaves only through a movement (write-off, adjustment). */
    BATCH_HAS_STOCK(400, "batch_has_stock", "catalog.batch_has_stock"),
    /** A batch tills still hold units of is not removed until the sale completes or the hold is released (or lapses). */
    BATCH_HELD(409, "batch_held", "catalog.batch_held"),
    /** A batch pending a check or blocked is never held or sold. */
    BATCH_UNAVAILABLE(409, "batch_unavailable", "catalog.batch_unavailable"),
    CATEGORY_ATTRIBUTE_NOT_FOUND(404, "category_attribute_not_found", "catalog.category_attribute_not_found"),
    CATEGORY_NOT_FOUND(404, "category_not_found", "catalog.category_unknown"),
    NO_SUCH_CATEGORY(404, "not_found", "catalog.category_unknown"),
    PRODUCT_NOT_FOUND(404, "product_not_found", "catalog.product_not_found"),
    /** A variant has no variants of its own: they are made of its parent. */
    VARIANT_OF_VARIANT(409, "variant_of_variant", "catalog.variant_of_variant"),
    /** Another variant of the parent has these options. */
    VARIANT_TAKEN(409, "variant_taken", "catalog.variant_taken"),
    /** What a product is made of changed while a till held it: asked again, the hold takes the new recipe. */
    RECIPE_CHANGED(409, "recipe_changed", "catalog.recipe_changed"),
    /**
     * A product made ahead with a recipe is made on sale again only without stock of its own: its finished batches
     * would be hidden behind what its components make.
     */
    MADE_HAS_STOCK(409, "made_has_stock", "catalog.made_has_stock"),
    NO_SUCH_PRODUCT(404, "not_found", "catalog.product_not_found"),
    IMAGE_NOT_FOUND(404, "not_found", "catalog.image_not_found"),
    RESERVATION_NOT_FOUND(404, "not_found", "catalog.reservation_not_found"),
    SUPPLIER_NOT_FOUND(404, "supplier_not_found", "catalog.supplier_not_found"),
    TAG_NOT_FOUND(404, "tag_not_found", "catalog.tag_not_found"),
    MODIFIER_GROUP_NOT_FOUND(404, "modifier_group_not_found", "catalog.modifier_group_not_found"),
    UNIT_NOT_FOUND(404, "unit_not_found", "catalog.unit_not_found"),
    HOLD_RELEASED(409, "hold_released", "catalog.hold_released"),
    COUNT_NOT_FOUND(404, "count_not_found", "catalog.count_not_found"),
    /** Lines are counted only while the count is open. */
    COUNT_CLOSED(409, "count_closed", "catalog.count_closed"),
    /** A cancelled count is never applied. */
    COUNT_CANCELLED(409, "count_cancelled", "catalog.count_cancelled"),
    /** An applied count is never cancelled: its movements are in the ledger. */
    COUNT_APPLIED(409, "count_applied", "catalog.count_applied"),
    PURCHASE_ORDER_NOT_FOUND(404, "purchase_order_not_found", "catalog.purchase_order_not_found"),
    /** The order's status does not allow it (a draft is not received, an order sent is not edited, …). */
    PURCHASE_ORDER_STATUS(409, "purchase_order_status", "catalog.purchase_order_status"),
    /** A receipt would take a line above what was ordered, and did not say so ({@code accept_over}). */
    PURCHASE_OVER_RECEIPT(409, "purchase_over_receipt", "catalog.purchase_over_receipt"),
    /** Goods came for the order: it is closed, not cancelled. */
    PURCHASE_ORDER_RECEIVED(409, "purchase_order_received", "catalog.purchase_order_received"),
    TRANSFER_NOT_FOUND(404, "transfer_not_found", "catalog.transfer_not_found"),
    /** A transfer names a store the caller neither owns nor manages (or one that is not theirs at all). */
    TRANSFER_STORE_FORBIDDEN(403, "transfer_store_forbidden", "catalog.transfer_store_forbidden"),
    /** The transfer's status, or which side of it this store is, does not allow it (a draft is not received, …). */
    TRANSFER_STATUS(409, "transfer_status", "catalog.transfer_status"),
    /** Shipping would take more than the source's sellable batches have free (tills' holds kept): nothing shipped. */
    TRANSFER_SHORT_STOCK(409, "transfer_short_stock", "catalog.transfer_short_stock"),
    /** A receipt would take a line above what was shipped and not yet received or lost. */
    TRANSFER_OVER_RECEIPT(409, "transfer_over_receipt", "catalog.transfer_over_receipt"),
    LOCATION_NOT_FOUND(404, "location_not_found", "catalog.location_not_found"),
    /** No warehouse document of the store has the number scanned (or it is no document number). */
    DOCUMENT_NOT_FOUND(404, "document_not_found", "catalog.document_not_found"),
    /** Another location of the store has the code (codes are the store's, whatever their case). */
    LOCATION_CODE_TAKEN(409, "location_code_taken", "catalog.location_code_taken"),
    /** The store's default location stays active: goods nobody places go there. */
    LOCATION_DEFAULT(409, "location_default", "catalog.location_default"),
    /** A location with stock is not switched off: move its stock first. */
    LOCATION_HAS_STOCK(409, "location_has_stock", "catalog.location_has_stock"),
    /** A move would take more than a batch has free (tills' holds kept): nothing moved, each such line named. */
    STOCK_MOVE_SHORT(409, "stock_move_short", "catalog.stock_move_short"),
    /** Hazardous goods are only ever put at a location of type hazardous (none named: the store has none). */
    LOCATION_TYPE_NOT_ALLOWED(409, "location_type_not_allowed", "catalog.location_type_not_allowed"),
    /** Only an owner shares products between their stores. */
    SHARE_NEEDS_OWNER(403, "permission_denied", "catalog.share_needs_owner"),
    SHARE_NOT_FOUND(404, "share_not_found", "catalog.share_not_found"),
    NO_HAZARDOUS_LOCATION(409, "location_type_not_allowed", "catalog.no_hazardous_location"),
    /** Goods into or out of a quarantine: a quality decision, the owner's or a manager's. */
    QUARANTINE_NEEDS_MANAGER(403, "permission_denied", "catalog.quarantine_needs_manager");

    private final Definition definition;

    CatalogErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
