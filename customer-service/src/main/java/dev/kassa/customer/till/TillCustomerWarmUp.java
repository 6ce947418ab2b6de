package dev.kassa.customer.till;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.warmup.HotPath;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The till's buyer, taken once before the instance is ready (platform's warm-up, in the warm-up store, rolled back): a
 * new buyer named by phone, then the same buyer by id, as sales-service's checkout asks for them — read from JSON,
 * validated and answered as JSON, as the call would be.
 */
@Component
class TillCustomerWarmUp implements HotPath {

    private final TillCustomerService tillCustomers;
    private final ObjectMapper json;
    private final Validator validator;

    TillCustomerWarmUp(TillCustomerService tillCustomers, ObjectMapper json, Validator validator) {
        this.tillCustomers = tillCustomers;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public void run() throws Exception {
        TillCustomerService.TillCustomer created =
                resolve("{\"new_customer\": {\"name\": \"Warm-up\", \"phone\": \"+998900000000\"}}");
        TillCustomerService.TillCustomer again = resolve("{\"customer_id\": " + created.id() + "}");
        json.writeValueAsBytes(again);
    }

    private TillCustomerService.TillCustomer resolve(String body) throws Exception {
        TillCustomerService.Request request = json.readValue(body, TillCustomerService.Request.class);
        if (!validator.validate(request).isEmpty()) {
            throw new IllegalStateException("the warm-up's buyer is not valid: " + validator.validate(request));
        }
        return tillCustomers.resolve(request);
    }
}
