package dev.kassa.customer.card;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's editable fields, validated and normalised (spec §6.1, §6.2): what create, PUT and PATCH store, and what
 * the customer's answer shows of them ({@code phone_2}, {@code group}).
 */
record CustomerForm(
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
        @JsonProperty("group") Long groupId,
        BigDecimal creditLimit,
        LocalDate birthday,
        String notes,
        boolean isActive,
        boolean isBlocked) {

    static CustomerForm of(Customer c) {
        return new CustomerForm(
                c.firstName(),
                c.lastName(),
                c.middleName(),
                c.customerType(),
                c.companyName(),
                c.taxId(),
                c.phone(),
                c.phone2(),
                c.email(),
                c.address(),
                c.city(),
                c.region(),
                c.postalCode(),
                c.groupId(),
                c.creditLimit(),
                c.birthday(),
                c.notes(),
                c.isActive(),
                c.isBlocked());
    }
}
