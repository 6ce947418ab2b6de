package dev.kassa.customer.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.IsoDate;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.PrintableText;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A customer as create, PUT and PATCH receive it (spec §6.3 K4); {@code name} (the API document's field) is taken as the
 * first name when {@code first_name} is absent. PATCH changes only the fields given. The original web client's spellings are
 * taken too: {@code customer_type: "organization"} for a company, {@code organization_name} for {@code company_name},
 * {@code inn} for {@code tax_id}. The rules of each field are declared here; what needs the stored customer (the required
 * fields after a PATCH, a company's name, the group) is {@link CustomerRules}'.
 */
@DomainValidated
public record CustomerRequest(
        @Size(max = 100) @PrintableText String name,
        @Size(max = 100) @PrintableText String firstName,
        @Size(max = 100) @PrintableText String lastName,
        @Size(max = 100) @PrintableText String middleName,
        @OneOf(
                        values = {"individual", "company", "organization"},
                        message = "customer.type_invalid")
                String customerType,
        @Size(max = 255) @PrintableText String companyName,
        @Size(max = 50) String taxId,
        @Phone String phone,
        @Phone @JsonProperty("phone_2") String phone2,
        @EmailAddress String email,
        @Size(max = 1000) @PrintableText String address,
        @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        Long group,
        @Money BigDecimal creditLimit,
        @IsoDate String birthday,
        @Size(max = 5000) @PrintableText(multiline = true) String notes,
        Boolean isActive,
        Boolean isBlocked,
        @Size(max = 255) @PrintableText String organizationName,
        @Size(max = 50) String inn) {

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
