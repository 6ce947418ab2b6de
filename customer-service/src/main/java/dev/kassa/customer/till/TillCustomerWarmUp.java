package dev.kassa.customer.till;

import dev.kassa.platform.warmup.HotPath;
import dev.kassa.platform.warmup.WarmUpRequests;
import org.springframework.stereotype.Component;

/**
 * The till's buyer, taken once before the instance is ready (platform's warm-up, in the warm-up store, rolled back): a
 * new buyer named by phone, then the same buyer by id, as sales-service's checkout asks for them — read from JSON,
 * validated and answered as JSON, as the call would be.
 */
@Component
class TillCustomerWarmUp implements HotPath {

    private final TillCustomerService tillCustomers;
    private final WarmUpRequests requests;

    TillCustomerWarmUp(TillCustomerService tillCustomers, WarmUpRequests requests) {
        this.tillCustomers = tillCustomers;
        this.requests = requests;
    }

    @Override
    public void run() throws Exception {
        TillCustomerService.TillCustomer created =
                resolve("{\"new_customer\": {\"name\": \"Warm-up\", \"phone\": \"+998900000000\"}}");
        TillCustomerService.TillCustomer again = resolve("{\"customer_id\": " + created.id() + "}");
        requests.write(again);
    }

    private TillCustomerService.TillCustomer resolve(String body) throws Exception {
        return tillCustomers.resolve(requests.read(body, TillCustomerService.Request.class));
    }
}
