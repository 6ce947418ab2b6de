package dev.kassa.customer.customer;

import dev.kassa.platform.error.FieldErrors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.LongPredicate;

import static dev.kassa.platform.error.FieldErrors.blank;

/**
 * The rules of a customer's fields (spec §6.2): a first name, a phone +998XXXXXXXXX (a second one too), a company needs
 * its name, a valid email, a credit limit of zero or more, a birthday not in the future, a group that exists. Every
 * broken rule is reported at once, per field.
 */
final class CustomerRules {
    private CustomerRules() {}

    static final CustomerForm EMPTY = new CustomerForm(
            null,
            "",
            "",
            "individual",
            "",
            "",
            null,
            "",
            "",
            "",
            "",
            "",
            "",
            null,
            BigDecimal.ZERO.setScale(2),
            null,
            "",
            true,
            false);

    /** {@code base} changed by {@code r}: every field given replaces it (PATCH), and the required ones must end up present. */
    static CustomerForm apply(CustomerRequest r, CustomerForm base, LocalDate today, LongPredicate groupExists) {
        FieldErrors errors = new FieldErrors();
        String first = r.firstName() != null ? r.firstName() : r.name() != null ? r.name() : base.firstName();
        if (blank(first)) {
            errors.add(r.firstName() == null ? "name" : "first_name", "validation.required");
        }
        String type = r.type() != null ? r.type().trim() : base.customerType();
        String company = text(r.company(), base.companyName());
        if (!type.equals("individual") && !type.equals("company")) {
            errors.add("customer_type", "customer.type_invalid");
        } else if (type.equals("company") && company.isBlank()) {
            errors.add("company_name", "customer.company_name_required");
        }
        String phone = r.phone() != null ? r.phone().trim() : base.phone();
        if (blank(phone)) {
            errors.add("phone", "validation.required");
        } else if (!FieldErrors.PHONE.matcher(phone).matches()) {
            errors.add("phone", "validation.phone");
        }
        String phone2 = text(r.phone2(), base.phone2());
        if (!phone2.isBlank() && !FieldErrors.PHONE.matcher(phone2).matches()) {
            errors.add("phone_2", "validation.phone");
        }
        String email = text(r.email(), base.email());
        errors.email("email", email.isBlank() ? null : email);
        BigDecimal limit = r.creditLimit() != null ? r.creditLimit() : base.creditLimit();
        errors.amount("credit_limit", limit);
        LocalDate birthday = base.birthday();
        if (r.birthday() != null) {
            birthday = errors.date("birthday", r.birthday());
            if (birthday != null && birthday.isAfter(today)) {
                errors.add("birthday", "customer.birthday_future");
            }
        }
        Long group = r.group() != null ? r.group() : base.groupId();
        if (r.group() != null && !groupExists.test(r.group())) {
            errors.add("group", "customer.group_unknown");
        }
        String last = text(r.lastName(), base.lastName());
        String middle = text(r.middleName(), base.middleName());
        errors.maxLength("first_name", first, 100);
        errors.maxLength("last_name", last, 100);
        errors.maxLength("middle_name", middle, 100);
        errors.maxLength("company_name", company, 255);
        errors.maxLength("tax_id", text(r.taxNumber(), base.taxId()), 50);
        errors.maxLength("city", text(r.city(), base.city()), 100);
        errors.maxLength("region", text(r.region(), base.region()), 100);
        errors.maxLength("postal_code", text(r.postalCode(), base.postalCode()), 20);
        errors.maxLength("address", text(r.address(), base.address()), 1000);
        errors.maxLength("notes", text(r.notes(), base.notes()), 5000);
        errors.throwIfAny();
        return new CustomerForm(
                first.trim(),
                last,
                middle,
                type,
                company,
                text(r.taxNumber(), base.taxId()),
                phone,
                phone2,
                email,
                text(r.address(), base.address()),
                text(r.city(), base.city()),
                text(r.region(), base.region()),
                text(r.postalCode(), base.postalCode()),
                group,
                limit.setScale(2),
                birthday,
                text(r.notes(), base.notes()),
                r.isActive() != null ? r.isActive() : base.isActive(),
                r.isBlocked() != null ? r.isBlocked() : base.isBlocked());
    }

    private static String text(String given, String current) {
        return given != null ? given.trim() : current == null ? "" : current;
    }
}
