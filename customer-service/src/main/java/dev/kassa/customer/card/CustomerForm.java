package dev.kassa.customer.card;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A customer's editable fields, validated and normalised (spec §6.1, §6.2): what create, PUT and PATCH store. */
record CustomerForm(
        String firstName,
        String lastName,
        String middleName,
        String customerType,
        String companyName,
        String taxId,
        String phone,
        String phone2,
        String email,
        String address,
        String city,
        String region,
        String postalCode,
        Long groupId,
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
