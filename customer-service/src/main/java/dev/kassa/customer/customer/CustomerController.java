package dev.kassa.customer.customer;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;

import static dev.kassa.platform.error.FieldErrors.blank;

@RestController
@RequestMapping("/api/customers/customers")
class CustomerController {

    /** {@code name} (the API document's field) is accepted as the first name when {@code first_name} is absent. */
    record CreateCustomerRequest(String name, String firstName, String lastName, String middleName, String customerType, String companyName,
                                 String phone, String email, String address) { }

    record CustomerResponse(Long id, String firstName, String lastName, String middleName, String fullName, String customerType,
                            String companyName, String phone, String email, String address, BigDecimal balance, int loyaltyPoints,
                            BigDecimal totalPurchases, int totalPurchasesCount, boolean isActive, Instant createdAt, Instant lastPurchaseAt) {
        static CustomerResponse from(Customer c) {
            return new CustomerResponse(c.id, c.firstName, c.lastName, c.middleName, c.fullName(), c.customerType, c.companyName, c.phone,
                    c.email, c.address, c.balance, c.loyaltyPoints, c.totalPurchases, c.totalPurchasesCount, c.isActive, c.createdAt, c.lastPurchaseAt);
        }
    }

    private final CustomerRepository customers;
    private final Customers registry;
    private final PurchaseHistory history;

    CustomerController(CustomerRepository customers, Customers registry, PurchaseHistory history) {
        this.customers = customers;
        this.registry = registry;
        this.history = history;
    }

    @Operation(summary = "List customers (search by name, phone, email; is_active; paginated)")
    @GetMapping
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<CustomerResponse> list(@RequestParam(required = false) String search, @RequestParam(name = "is_active", required = false) Boolean active,
                                        @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        return PageResponse.of(customers.search(search == null || search.isBlank() ? null : search.trim(), active,
                PageRequests.of(page, pageSize, Sort.by(Sort.Direction.DESC, "createdAt", "id"))), CustomerResponse::from);
    }

    @Operation(summary = "Customer detail")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CUSTOMERS)
    CustomerResponse get(@PathVariable long id) {
        return customers.findById(id).map(CustomerResponse::from).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
    }

    @Operation(summary = "A customer's purchases, newest first (from completed sales; refunds shown per purchase); paginated")
    @GetMapping({"/{id}/purchase-history", "/{id}/purchase_history"})
    @PreAuthorize(Access.READ_CUSTOMERS)
    public PageResponse<PurchaseHistory.Purchase> purchaseHistory(@PathVariable long id, @RequestParam(required = false) String page,
                                                                  @RequestParam(name = "page_size", required = false) String pageSize) {
        return PageResponse.of(history.page(id, PageRequests.of(page, pageSize, Sort.unsorted())), p -> p);
    }

    @Operation(summary = "Create a customer: {name or first_name, phone (+998XXXXXXXXX), email?, address?}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.CREATE_CUSTOMERS)
    CustomerResponse create(@RequestBody CreateCustomerRequest r) {
        String firstName = blank(r.firstName()) ? r.name() : r.firstName();
        String type = blank(r.customerType()) ? "individual" : r.customerType().trim();
        FieldErrors errors = new FieldErrors();
        if (blank(firstName)) {
            errors.add(blank(r.name()) && r.firstName() == null ? "name" : "first_name", "validation.required");
        } else if (firstName.length() > 100) {
            errors.add("first_name", "validation.max_length", 100);
        }
        if (blank(r.phone())) {
            errors.add("phone", "validation.required");
        } else if (!FieldErrors.PHONE.matcher(r.phone().trim()).matches()) {
            errors.add("phone", "validation.phone");
        } else if (customers.existsByPhone(r.phone().trim())) {
            errors.add("phone", "customer.phone_taken");
        }
        errors.email("email", r.email());
        if (!type.equals("individual") && !type.equals("company")) {
            errors.add("customer_type", "customer.type_invalid");
        } else if (type.equals("company") && blank(r.companyName())) {
            errors.add("company_name", "customer.company_name_required");
        }
        errors.throwIfAny();
        try {
            return CustomerResponse.from(registry.create(new Customer(firstName.trim(), nz(r.lastName()), nz(r.middleName()), type,
                    nz(r.companyName()), r.phone().trim(), nz(r.email()), nz(r.address()))));
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("phone", "customer.phone_taken");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
