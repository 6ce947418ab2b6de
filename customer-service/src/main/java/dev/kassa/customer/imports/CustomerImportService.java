package dev.kassa.customer.imports;

import dev.kassa.customer.card.Customer;
import dev.kassa.customer.card.CustomerRepository;
import dev.kassa.customer.card.CustomerRequest;
import dev.kassa.customer.card.CustomerService;
import dev.kassa.customer.card.GroupService;
import dev.kassa.customer.loyalty.LoyaltyService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.imports.ImportHandler;
import dev.kassa.platform.imports.ImportKind;
import dev.kassa.platform.imports.ImportOptions;
import dev.kassa.platform.imports.ImportOutcome;
import dev.kassa.platform.imports.ImportRow;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.kassa.platform.imports.ImportChanges.flag;
import static dev.kassa.platform.imports.ImportChanges.id;
import static dev.kassa.platform.imports.ImportChanges.number;
import static dev.kassa.platform.imports.ImportChanges.text;
import static dev.kassa.platform.imports.ImportColumn.optional;
import static dev.kassa.platform.imports.ImportColumn.required;

/**
 * A spreadsheet of customers (issue 62): the customers export's columns, so an exported file comes back in. A row finds
 * its customer by phone (written as people write it: {@code +998 90 123-45-67}, {@code 998901234567} or
 * {@code 90 123 45 67}); a customer found takes the row's filled cells that differ, a new one is created as the form
 * creates it, with its balance (negative: a debt) and its points as {@code opening} entries of the ledger. A customer's
 * balance and points are not changed by a row once the customer exists: payments and sales do that. Groups named and
 * missing are made.
 */
@Service
class CustomerImportService implements ImportHandler {

    static final String KIND = "customers";

    private static final ImportKind KIND_OF_IMPORT = new ImportKind(
            KIND,
            List.of(
                    required("full_name", "export.customers.full_name"),
                    required("phone", "export.customers.phone"),
                    optional("phone_2", "export.customers.phone_2"),
                    optional("email", "export.customers.email"),
                    optional("company", "export.customers.company"),
                    optional("tax_id", "export.customers.tax_id"),
                    optional("group", "export.customers.group"),
                    optional("balance", "export.customers.balance"),
                    optional("credit_limit", "export.customers.credit_limit"),
                    optional("loyalty_points", "export.customers.loyalty_points"),
                    optional("birthday", "export.customers.birthday"),
                    optional("is_active", "export.customers.is_active"),
                    optional("is_blocked", "export.customers.is_blocked")),
            List.of("phone"));

    /** The request's fields as the file's columns. */
    private static final Map<String, String> COLUMN_OF = Map.of(
            "name", "full_name",
            "first_name", "full_name",
            "company_name", "company");

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final GroupService groups;
    private final LoyaltyService loyalty;

    CustomerImportService(
            CustomerService customers, CustomerRepository repository, GroupService groups, LoyaltyService loyalty) {
        this.customers = customers;
        this.repository = repository;
        this.groups = groups;
        this.loyalty = loyalty;
    }

    @Override
    public ImportKind kind() {
        return KIND_OF_IMPORT;
    }

    @Override
    public String column(String field) {
        return COLUMN_OF.getOrDefault(field, field);
    }

    @Override
    public Run start(ImportOptions options) {
        return new Rows(options.requestedBy());
    }

    /**
     * A phone as people write it, as Kassa keeps it ({@code +998XXXXXXXXX}); what is not an Uzbek number is left for the
     * form to refuse.
     */
    static String phone(String written) {
        if (written == null) {
            return null;
        }
        String digits = written.replaceAll("[\\s()\\-.]", "");
        if (digits.matches("998\\d{9}")) {
            return "+" + digits;
        }
        if (digits.matches("\\d{9}")) {
            return "+998" + digits;
        }
        return digits;
    }

    /** One job's rows: the phones seen in the file so far, and the groups already looked up. */
    private final class Rows implements Run {
        private final Long by;
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, Long> groupIds = new HashMap<>();

        Rows(Long by) {
            this.by = by;
        }

        @Override
        public ImportOutcome apply(ImportRow row) {
            Cells cells = Cells.of(row);
            check(row, cells);
            Customer existing = cells.phone() == null
                    ? null
                    : repository.findLiveByPhone(cells.phone()).orElse(null);
            Long groupId = cells.group() == null ? null : groupId(cells.group());
            if (existing == null) {
                create(cells, groupId);
                return ImportOutcome.CREATED;
            }
            CustomerRequest changes = cells.changesOf(existing, groupId);
            if (changes.equals(UNCHANGED)) {
                return ImportOutcome.UNCHANGED;
            }
            customers.update(existing.id(), changes, true);
            return ImportOutcome.UPDATED;
        }

        /** Refuses a row whose cells the form would not take, or whose phone an earlier row of the file has. */
        private void check(ImportRow row, Cells cells) {
            FieldErrors errors = row.errors();
            // what a receipt prints of the buyer is one line, as the API takes it
            errors.printable("full_name", cells.name())
                    .printable("company", cells.company())
                    .printable("group", cells.group());
            BigDecimal points = cells.points();
            if (points != null
                    && (points.signum() < 0
                            || points.stripTrailingZeros().scale() > 0
                            || points.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
                errors.add("loyalty_points", "import.points");
            }
            if (cells.balance() != null && !FieldErrors.isAmount(cells.balance().abs())) {
                errors.add("balance", "validation.invalid");
            }
            if (cells.group() != null && cells.group().length() > 100) {
                errors.maxLength("group", cells.group(), 100);
            }
            if (cells.phone() != null) {
                // a row done again (its chunk redone a row at a time) is not its own duplicate
                Integer first = seen.putIfAbsent(cells.phone(), row.number());
                if (first != null && first != row.number()) {
                    errors.add("phone", "import.duplicate_row", Messages.get("export.customers.phone"), first);
                }
            }
            errors.throwIfAny();
        }

        /** A new customer as the form creates it, with the row's balance and points as opening entries. */
        private void create(Cells cells, Long groupId) {
            Customer made = customers.create(cells.newCustomer(groupId));
            BigDecimal balance = cells.balance();
            if (balance != null && balance.signum() != 0) {
                customers.opening(made.id(), balance, by);
            }
            BigDecimal points = cells.points();
            if (points != null && points.signum() > 0) {
                loyalty.opening(made.id(), points.intValueExact());
            }
        }

        private long groupId(String name) {
            return groupIds.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> groups.named(name));
        }

        /** A row's writes were rolled back: the groups it made may be gone with them. */
        @Override
        public void forget() {
            groupIds.clear();
        }
    }

    private static final CustomerRequest UNCHANGED = new CustomerRequest(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** A row's cells, the phones as Kassa keeps them. */
    private record Cells(
            String name,
            String phone,
            String phone2,
            String email,
            String company,
            String taxId,
            String group,
            BigDecimal balance,
            BigDecimal creditLimit,
            BigDecimal points,
            LocalDate birthday,
            Boolean active,
            Boolean blocked) {

        static Cells of(ImportRow row) {
            return new Cells(
                    row.text("full_name"),
                    CustomerImportService.phone(row.text("phone")),
                    CustomerImportService.phone(row.text("phone_2")),
                    row.text("email"),
                    row.text("company"),
                    row.text("tax_id"),
                    row.text("group"),
                    row.decimal("balance"),
                    row.decimal("credit_limit"),
                    row.decimal("loyalty_points"),
                    row.date("birthday"),
                    row.flag("is_active"),
                    row.flag("is_blocked"));
        }

        private String birthdayText() {
            return birthday == null ? null : birthday.toString();
        }

        /** The customer the row makes, as the form would be sent. */
        CustomerRequest newCustomer(Long groupId) {
            return new CustomerRequest(
                    name,
                    null,
                    null,
                    null,
                    company != null ? "company" : null,
                    company,
                    taxId,
                    phone,
                    phone2,
                    email,
                    null,
                    null,
                    null,
                    null,
                    groupId,
                    creditLimit,
                    birthdayText(),
                    null,
                    active,
                    blocked,
                    null,
                    null);
        }

        /** What the row changes of a customer found: its filled cells that differ, nothing else. */
        CustomerRequest changesOf(Customer existing, Long groupId) {
            return new CustomerRequest(
                    text(name, existing.fullName()),
                    null,
                    null,
                    null,
                    company != null && !"company".equals(existing.customerType()) ? "company" : null,
                    text(company, existing.companyName()),
                    text(taxId, existing.taxId()),
                    null,
                    text(phone2, existing.phone2()),
                    text(email, existing.email()),
                    null,
                    null,
                    null,
                    null,
                    id(groupId, existing.groupId()),
                    number(creditLimit, existing.creditLimit()),
                    birthday == null || birthday.equals(existing.birthday()) ? null : birthdayText(),
                    null,
                    flag(active, existing.isActive()),
                    flag(blocked, existing.isBlocked()),
                    null,
                    null);
        }
    }
}
