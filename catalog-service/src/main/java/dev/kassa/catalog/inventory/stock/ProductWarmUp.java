package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.product.CreateProductRequest;
import dev.kassa.catalog.catalogue.product.ProductService;
import dev.kassa.catalog.catalogue.product.ProductView;
import dev.kassa.platform.warmup.HotPath;
import dev.kassa.platform.warmup.WarmUpRequests;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A till's scan, taken once before the instance is ready (platform's warm-up, in the warm-up store, rolled back): a
 * product with stock is created, scanned by its barcode, a unit of it held and released as sales-service holds a scanned
 * line, then its page and the list's first page read — each read from JSON, validated and answered as JSON, as the calls
 * would be.
 */
@Component
class ProductWarmUp implements HotPath {

    private final ProductService products;
    private final ReservationService reservations;
    private final WarmUpRequests requests;

    ProductWarmUp(ProductService products, ReservationService reservations, WarmUpRequests requests) {
        this.products = products;
        this.reservations = reservations;
        this.requests = requests;
    }

    @Override
    public void run() throws Exception {
        ProductView created = products.create(requests.read(
                """
                {"name": "Warm-up", "sku": "WARM-UP", "barcode": "2000000000008", "sale_price": "1.00",
                 "cost_price": "0.50", "initial_quantity": "5"}""",
                CreateProductRequest.class));
        ProductService.Scanned scanned = products.scanned("2000000000008")
                .orElseThrow(() -> new IllegalStateException("the warm-up's product was not found by its barcode"));
        requests.write(reservations.reserve(requests.read(
                "{\"request_ref\": \"warm-up\", \"barcode\": \"2000000000008\", \"quantity\": \"1\"}",
                ReserveRequest.class)));
        reservations.release(List.of("warm-up"));
        requests.write(scanned.product());
        requests.write(products.get(created.id()));
        requests.write(products.list(null, null, null, PageRequest.of(0, 20)).getContent());
    }
}
