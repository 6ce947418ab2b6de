package dev.kassa.customer.customer;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A customer as create, PUT and PATCH receive it (spec §6.3 K4); {@code name} (the API document's field) is taken as the
 * first name when {@code first_name} is absent. PATCH changes only the fields given. The original web client's spellings are
 * taken too: {@code customer_type: "organization"} for a company, {@code organization_name} for {@code company_name},
 * {@code inn} for {@code tax_id}.
 */
public record CustomerRequest(
        String name,
        String firstName,
        String lastName,
        String middleName,
        String customerType,
        String companyName,
        String taxId,
        String phone,
        @JsonProperty("phone_2") String phone2,
        String email,
        String address,
        String city,
        String region,
        String postalCode,
        Long group,
        BigDecimal creditLimit,
        String birthday,
        String notes,
        Boolean isActive,
        Boolean isBlocked,
        String organizationName,
        String inn) {

    /** The company's name under either spelling. */
    String company() {
        return companyName != null ? companyName : organizationName;
    }

    /** The tax id under either spelling. */
    String taxNumber() {
        return taxId != null ? taxId : inn;
    }

    /** {@code organization} (the web client) is a company. */
    String type() {
        return customerType != null && customerType.trim().equals("organization") ? "company" : customerType;
    }
}
