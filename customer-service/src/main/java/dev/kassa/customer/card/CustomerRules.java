package dev.kassa.customer.card;

import dev.kassa.platform.error.FieldErrors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.LongPredicate;

import static dev.kassa.platform.error.FieldErrors.blank;

/**
 * The rules of a customer that need the stored record or the store (spec §6.2): a first name and a phone after a PATCH
 * too, a company needs its name, a birthday not in the future (the store's today), a group that exists. The rules of each
 * field alone (a phone +998XXXXXXXXX, an email, a credit limit of zero or more, lengths) are declared on
 * {@link CustomerRequest}.
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

    /**
     * {@code base} changed by {@code r}: every field given replaces it (PATCH), and the required ones must end up present;
     * {@code errors} holds the request's declared rules that it breaks, so that one answer names them all.
     */
    static CustomerForm apply(
            CustomerRequest r, CustomerForm base, LocalDate today, LongPredicate groupExists, FieldErrors errors) {
        String first = r.firstName() != null ? r.firstName() : r.name() != null ? r.name() : base.firstName();
        if (blank(first)) {
            errors.required(r.firstName() == null ? "name" : "first_name");
        }
        String type = r.type() != null ? r.type().trim() : base.customerType();
        String company = text(r.company(), base.companyName());
        if (type.equals("company") && company.isBlank()) {
            errors.add("company_name", "customer.company_name_required");
        }
        String phone = r.phone() != null ? r.phone().trim() : base.phone();
        if (blank(phone)) {
            errors.required("phone");
        }
        String phone2 = text(r.phone2(), base.phone2());
        String email = text(r.email(), base.email());
        BigDecimal limit = r.creditLimit() != null ? r.creditLimit() : base.creditLimit();
        LocalDate birthday = base.birthday();
        if (r.birthday() != null && !errors.has("birthday")) {
            birthday = blank(r.birthday()) ? null : LocalDate.parse(r.birthday().trim());
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
