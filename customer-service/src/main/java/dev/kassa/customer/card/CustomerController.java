package dev.kassa.customer.card;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.customer.ledger.LedgerRepository;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Customers (spec §6.3 K3–K10) and their balance: debt payments, corrections, debtors. */
@RestController
@RequestMapping("/api/customers/customers")
class CustomerController {

    /** A debt payment: an amount above zero, in cash (the default), by card or by transfer. */
    record PaymentRequest(
            @NotNull(message = "customer.amount_positive") @Money(positive = true, message = "customer.amount_positive")
                    BigDecimal amount,
            @OneOf(
                            values = {"cash", "card", "transfer"},
                            message = "customer.method_invalid")
                    String paymentMethod,
            @Size(max = 1000) String description) {}

    /** A correction of the balance, up or down, with its reason. */
    record AdjustmentRequest(
            @NotNull(message = "customer.amount_nonzero") @Money(nonZero = true, message = "customer.amount_nonzero")
                    BigDecimal amount,
            @NotBlank(message = "customer.reason_required") @Size(max = 1000) String reason) {}

    private final CustomerService customers;
    private final CustomerQueryService queries;

    CustomerController(CustomerService customers, CustomerQueryService queries) {
        this.customers = customers;
        this.queries = queries;
    }

    @Operation(
            summary =
                    "Customers, newest first: filters group, customer_type, is_active, is_blocked; search over names, phone, email "
                            + "and company (also as q, the web client's parameter); ordering created_at, last_purchase_at, total_purchases, loyalty_points "
                            + "(prefix - for descending)")
    @GetMapping
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<CustomerResponse> list(
            @ParameterObject CustomerFilter filter, @RequestParam(required = false) String ordering, PageRequest page) {
        return PageResponse.of(
                queries.search(filter, page.withSort(CustomerQueryService.ORDERING.sort(ordering))), c -> c);
    }

    @Operation(summary = "A customer with their latest ten ledger entries")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CUSTOMERS)
    CustomerQueryService.CustomerDetail get(@PathVariable long id) {
        return queries.detail(id);
    }

    @Operation(
            summary =
                    "Create a customer: first_name (or name) and phone (+998XXXXXXXXX) required; a company needs company_name")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.CREATE_CUSTOMERS)
    CustomerResponse create(@RequestBody CustomerRequest request) {
        return queries.view(customers.create(request).id());
    }

    @Operation(summary = "Replace a customer's record (owner, manager): first_name and phone required")
    @PutMapping("/{id}")
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    CustomerResponse replace(@PathVariable long id, @RequestBody CustomerRequest request) {
        return queries.view(customers.update(id, request, false).id());
    }

    @Operation(summary = "Change the fields given (owner, manager)")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    CustomerResponse patch(@PathVariable long id, @RequestBody CustomerRequest request) {
        return queries.view(customers.update(id, request, true).id());
    }

    @Operation(
            summary =
                    "Delete a customer (owner, manager): gone from lists and lookups, their phone free again; past sales and the ledger "
                            + "keep their name")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    void delete(@PathVariable long id) {
        customers.delete(id);
    }

    @Operation(summary = "A customer's purchase totals and points")
    @GetMapping("/{id}/stats")
    @PreAuthorize(Access.READ_CUSTOMERS)
    CustomerQueryService.CustomerStats stats(@PathVariable long id) {
        return queries.stats(id);
    }

    @Operation(summary = "The active customer with this phone (exact), with their latest ledger entries")
    @GetMapping("/search_by_phone")
    @PreAuthorize(Access.READ_CUSTOMERS)
    Success<CustomerQueryService.CustomerDetail> byPhone(@RequestParam(required = false) String phone) {
        if (phone == null || phone.isBlank()) {
            throw CustomerErrors.PHONE_REQUIRED.exception();
        }
        return Success.of(queries.byPhone(phone.trim()));
    }

    @Operation(summary = "VIP customers: active members of a group with a discount of 10 % or more")
    @GetMapping("/vip_customers")
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<CustomerResponse> vip(PageRequest page) {
        return PageResponse.of(queries.vip(page.withSort(Sort.by("lastName", "firstName", "id"))), c -> c);
    }

    @Operation(summary = "Customers in debt (balance below zero), largest debt first (owner, manager)")
    @GetMapping("/debtors")
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    PageResponse<CustomerResponse> debtors(PageRequest page) {
        return PageResponse.of(queries.debtors(page.withSort(Sort.by("balance", "id"))), c -> c);
    }

    @Operation(
            summary =
                    "A debt payment: a positive amount paid by cash (default), card or transfer; the balance goes up by it")
    @PostMapping("/{id}/add_payment")
    @PreAuthorize(Access.CREATE_CUSTOMERS)
    LedgerRepository.Entry pay(@PathVariable long id, @Valid @RequestBody PaymentRequest request, Caller caller) {
        return customers.pay(id, request.amount(), request.paymentMethod(), request.description(), caller);
    }

    @Operation(summary = "Correct a balance up or down, with a reason (owner, manager)")
    @PostMapping("/{id}/adjust-balance")
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    LedgerRepository.Entry adjust(@PathVariable long id, @Valid @RequestBody AdjustmentRequest request, Caller caller) {
        return customers.adjust(id, request.amount(), request.reason(), caller);
    }
}
