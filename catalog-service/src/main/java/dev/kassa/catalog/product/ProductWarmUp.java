package dev.kassa.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.stock.ReservationService;
import dev.kassa.catalog.stock.ReserveRequest;
import dev.kassa.platform.warmup.HotPath;
import jakarta.validation.Validator;
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
    private final ObjectMapper json;
    private final Validator validator;

    ProductWarmUp(ProductService products, ReservationService reservations, ObjectMapper json, Validator validator) {
        this.products = products;
        this.reservations = reservations;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public void run() throws Exception {
        ProductView created = products.create(read(
                """
                {"name": "Warm-up", "sku": "WARM-UP", "barcode": "2000000000008", "sale_price": "1.00",
                 "cost_price": "0.50", "initial_quantity": "5"}""",
                CreateProductRequest.class));
        ProductService.Scanned scanned = products.scanned("2000000000008")
                .orElseThrow(() -> new IllegalStateException("the warm-up's product was not found by its barcode"));
        json.writeValueAsBytes(reservations.reserve(read(
                "{\"request_ref\": \"warm-up\", \"barcode\": \"2000000000008\", \"quantity\": \"1\"}",
                ReserveRequest.class)));
        reservations.release(List.of("warm-up"));
        json.writeValueAsBytes(scanned.product());
        json.writeValueAsBytes(products.get(created.id()));
        json.writeValueAsBytes(
                products.list(null, null, null, PageRequest.of(0, 20)).getContent());
    }

    private <T> T read(String body, Class<T> type) throws Exception {
        T request = json.readValue(body, type);
        if (!validator.validate(request).isEmpty()) {
            throw new IllegalStateException("the warm-up's request is not valid: " + validator.validate(request));
        }
        return request;
    }
}
