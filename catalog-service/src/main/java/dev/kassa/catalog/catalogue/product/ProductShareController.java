package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One catalogue across an owner's stores (issue 86 point 2): sharing products, and a product's place in the chain. */
@RestController
class ProductShareController {

    private final ProductShareService shares;

    ProductShareController(ProductShareService shares) {
        this.shares = shares;
    }

    @Operation(
            summary = "Share products with other stores you own: {products?, categories? (with their subcategories), "
                    + "stores}; each store gets the same products (made, or matched by SKU or barcode, by events in its "
                    + "own transaction), later changes here follow them there, a store's own sale price and active flag "
                    + "stay its own; only an owner of this store and of each store named (403 permission_denied)")
    @PostMapping("/api/products/shares")
    @PreAuthorize(Access.MANAGE_STORE)
    ProductShareService.Shared share(@Valid @RequestBody ProductShareService.ShareRequest request, Caller caller) {
        return shares.share(caller, request);
    }

    @Operation(
            summary = "Stop sharing a product with a store: the store keeps its copy as its own, which this store's "
                    + "changes no longer reach; an owner's call (403 permission_denied), 404 share_not_found when it "
                    + "is not shared with that store")
    @DeleteMapping("/api/products/products/{id}/shares/{store}")
    @PreAuthorize(Access.MANAGE_STORE)
    ProductShareService.ChainView unshare(@PathVariable long id, @PathVariable String store, Caller caller) {
        return shares.unshare(caller, id, store);
    }

    @Operation(
            summary = "A product's place in the owner's chain: its chain-wide key, the store it was shared from (null: "
                    + "this store's own), whether its sale price and active flag are this store's own, and the stores "
                    + "it is shared with")
    @GetMapping("/api/products/products/{id}/shares")
    @PreAuthorize(Access.READ_CATALOG)
    ProductShareService.ChainView chain(@PathVariable long id) {
        return shares.chain(id);
    }
}
