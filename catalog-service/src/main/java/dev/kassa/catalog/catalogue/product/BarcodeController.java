package dev.kassa.catalog.catalogue.product;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Scanning (product, extra and batch codes) and a product's extra barcodes (spec C18, C30, C31). */
@RestController
class BarcodeController {

    private final BarcodeService barcodes;

    BarcodeController(BarcodeService barcodes) {
        this.barcodes = barcodes;
    }

    record WarehouseScanRequest(String barcode) {}

    /** The product as products/scan_barcode/ answers it, with the two names the web client's receipt form reads. */
    record WarehouseScanView(@JsonUnwrapped ProductView product, BigDecimal currentQuantity, BigDecimal price) {}

    /** A scanned code's product; {@code matched} says which kind of code it was, {@code batch} is set for a batch barcode. */
    record ScanResult(String status, ProductView data, String matched, Long batch) {}

    /** As {@link ScanResult}, with the status ({@code found}) and {@code type} the web client's receipt form expects. */
    record WarehouseScanResult(String status, String type, WarehouseScanView data, String matched, Long batch) {}

    @Operation(
            summary =
                    "The original web client's barcode lookup: {barcode} in the body, answered as products/scan_barcode/")
    @PostMapping("/api/products/warehouse-scan/scan")
    @PreAuthorize(Access.READ_CATALOG)
    WarehouseScanResult warehouseScan(@Valid @RequestBody WarehouseScanRequest request) {
        BarcodeService.Scan scan = barcodes.scan(request.barcode());
        // the web client adds the product to the cart only on status "found" with a type (product | variant); Kassa has
        // no variants;
        // its receipt form shows the stock on hand and the price under these names (current_quantity, price)
        return new WarehouseScanResult(
                "found",
                "product",
                new WarehouseScanView(
                        scan.product(),
                        scan.product().quantity(),
                        scan.product().salePrice()),
                scan.matched(),
                scan.batch());
    }

    @Operation(
            summary =
                    "Find the product behind a scanned code: its own barcode, an extra barcode or a batch barcode (then batch is set)")
    @GetMapping("/api/products/products/scan_barcode")
    @PreAuthorize(Access.READ_CATALOG)
    ScanResult scan(@RequestParam(required = false) String barcode) {
        BarcodeService.Scan scan = barcodes.scan(barcode);
        return new ScanResult("success", scan.product(), scan.matched(), scan.batch());
    }

    @Operation(
            summary =
                    "Extra barcodes: filters product, barcode_type, is_primary; search over code, product name and SKU")
    @GetMapping("/api/products/barcodes")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<BarcodeRepository.Extra> list(
            @RequestParam(required = false) Long product,
            @RequestParam(name = "barcode_type", required = false) String type,
            @RequestParam(name = "is_primary", required = false) Boolean primary,
            @RequestParam(required = false) String search,
            PageRequest page) {
        Pageable pageable = page;
        return PageResponse.of(
                barcodes.page(
                        new BarcodeRepository.Filter(product, type, primary, LikePatterns.contains(search)), pageable),
                v -> v);
    }

    @Operation(
            summary =
                    "Add an extra barcode to a product: {product, barcode, barcode_type?, is_primary?}; codes are unique in the store")
    @PostMapping("/api/products/barcodes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    BarcodeRepository.Extra create(@RequestBody BarcodeService.BarcodeRequest r) {
        return barcodes.create(r);
    }

    @Operation(summary = "One extra barcode")
    @GetMapping("/api/products/barcodes/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    BarcodeRepository.Extra get(@PathVariable long id) {
        return barcodes.get(id);
    }

    @Operation(
            summary =
                    "Change an extra barcode: {barcode, barcode_type?, is_primary?} (PUT: barcode required; PATCH: what is given); "
                            + "it stays with its product")
    @RequestMapping(
            value = "/api/products/barcodes/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @PreAuthorize(Access.EDIT_CATALOG)
    BarcodeRepository.Extra update(
            @PathVariable long id, @RequestBody BarcodeService.BarcodeRequest r, HttpServletRequest http) {
        return barcodes.update(id, r, "PUT".equals(http.getMethod()));
    }

    @Operation(summary = "Remove an extra barcode")
    @DeleteMapping("/api/products/barcodes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void delete(@PathVariable long id) {
        barcodes.delete(id);
    }

    @Operation(summary = "The original's lookup by extra barcode: {barcode, product}")
    @GetMapping("/api/products/barcodes/search_barcode")
    @PreAuthorize(Access.READ_CATALOG)
    BarcodeService.BarcodeLookup search(@RequestParam(required = false) String barcode) {
        return barcodes.search(barcode);
    }
}
