package dev.kassa.customer.customer;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A customer as create, PUT and PATCH receive it (spec §6.3 K4); {@code name} (the API document's field) is taken as the
 * first name when {@code first_name} is absent. PATCH changes only the fields given.
 */
record CustomerRequest(String name, String firstName, String lastName, String middleName, String customerType, String companyName, String taxId,
                       String phone, @JsonProperty("phone_2") String phone2, String email, String address, String city, String region,
                       String postalCode, Long group, BigDecimal creditLimit, String birthday, String notes, Boolean isActive,
                       Boolean isBlocked) { }
