package dev.kassa.customer.card;

import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.export.RowSource;
import jakarta.persistence.EntityManager;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * The customer list as a file: who they are, how to reach them, their group, what they owe or have on account, their
 * credit and points, and what they bought. Read a page at a time, each page's entities let go before the next.
 */
@Service
public class CustomerExportService {

    static final int PAGE = 500;

    static final List<Column<CustomerResponse>> COLUMNS = List.of(
            Column.of("export.customers.full_name", CustomerResponse::fullName),
            Column.of("export.customers.phone", c -> c.form().phone()),
            Column.of("export.customers.phone_2", c -> c.form().phone2()),
            Column.of("export.customers.email", c -> c.form().email()),
            Column.of("export.customers.type", CustomerResponse::customerTypeDisplay),
            Column.of("export.customers.company", c -> c.form().companyName()),
            Column.of("export.customers.tax_id", c -> c.form().taxId()),
            Column.of("export.customers.group", CustomerResponse::groupName),
            Column.of("export.customers.balance", CustomerResponse::balance),
            Column.of("export.customers.credit_limit", c -> c.form().creditLimit()),
            Column.of("export.customers.loyalty_points", CustomerResponse::loyaltyPoints),
            Column.of("export.customers.total_purchases", CustomerResponse::totalPurchases),
            Column.of("export.customers.purchases_count", CustomerResponse::totalPurchasesCount),
            Column.of("export.customers.last_purchase_at", CustomerResponse::lastPurchaseAt),
            Column.of("export.customers.birthday", c -> c.form().birthday()),
            Column.of("export.customers.is_active", c -> c.form().isActive()),
            Column.of("export.customers.is_blocked", c -> c.form().isBlocked()),
            Column.of("export.customers.created_at", CustomerResponse::createdAt));

    private final CustomerQueryService customers;
    private final EntityManager entities;
    private final Exports exports;

    CustomerExportService(CustomerQueryService customers, EntityManager entities, Exports exports) {
        this.customers = customers;
        this.entities = entities;
        this.exports = exports;
    }

    /** The file; an ordering the list would refuse is refused here too, before anything is written. */
    ResponseEntity<StreamingResponseBody> export(ExportFormat format, CustomerFilter filter, String ordering) {
        var sort = CustomerQueryService.ORDERING.sort(ordering);
        return exports.file(
                format,
                "customers",
                null,
                COLUMNS,
                RowSource.pages(PAGE, sort, page -> customers.search(filter, page), entities::clear));
    }
}
