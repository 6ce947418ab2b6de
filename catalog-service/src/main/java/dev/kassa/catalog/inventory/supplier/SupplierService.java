package dev.kassa.catalog.inventory.supplier;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.inventory.stock.BatchRepository;
import dev.kassa.catalog.inventory.supplier.SupplierRepository.Supplier;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

import static dev.kassa.platform.data.Values.blankToNull;

/** Suppliers (spec C28, C29): a code is unique in the store; a deleted supplier's batches keep its name. */
@Service
@Transactional
class SupplierService {

    /** A supplier's fields: a whole record (create, PUT) needs its name; a PATCH changes the fields given. */
    record SupplierRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 200) @PrintableText String name,
            @Size(max = 50) @PrintableText String code,
            @Size(max = 200) @PrintableText String contactPerson,
            @EmailAddress @PrintableText String email,
            @Size(max = 20) @PrintableText String phone,
            @PrintableText String address,
            @Size(max = 200)
                    @Pattern(
                            regexp = "\\s*(https?://\\S+)?\\s*",
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = "catalog.website_invalid")
                    String website,
            @Size(max = 200) @PrintableText String paymentTerms,
            @PositiveOrZero Integer deliveryTime,
            @Money BigDecimal minOrderAmount,
            @Min(value = 0, message = "catalog.rating_invalid") @Max(value = 5, message = "catalog.rating_invalid")
                    Integer rating,
            Boolean isActive,
            @Size(max = 5000) @PrintableText(multiline = true) String notes) {}

    private final SupplierRepository suppliers;
    private final BatchRepository batches;

    SupplierService(SupplierRepository suppliers, BatchRepository batches) {
        this.suppliers = suppliers;
        this.batches = batches;
    }

    @Transactional(readOnly = true)
    Page<Supplier> page(SupplierRepository.Filter filter, String ordering, Pageable page) {
        String orderBy = SupplierRepository.ORDERING.orderBy(ordering);
        return suppliers.page(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    Supplier get(long id) {
        return suppliers.find(id).orElseThrow(() -> CatalogErrors.SUPPLIER_NOT_FOUND.exception());
    }

    Supplier create(SupplierRequest r) {
        try {
            return get(suppliers.insert(new SupplierRepository.Fields(
                    r.name().trim(),
                    blankToNull(r.code()),
                    nz(r.contactPerson()),
                    nz(r.email()),
                    nz(r.phone()),
                    nz(r.address()),
                    nz(r.website()),
                    nz(r.paymentTerms()),
                    r.deliveryTime(),
                    r.minOrderAmount(),
                    r.rating() == null ? 0 : r.rating(),
                    r.isActive() == null || r.isActive(),
                    nz(r.notes()))));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("code", "catalog.supplier_code_taken");
        }
    }

    /** PUT ({@code partial} false: what is not sent is cleared) or PATCH (what is not sent stays). */
    Supplier update(long id, SupplierRequest r, boolean partial) {
        SupplierRepository.Fields c = get(id).fields();
        try {
            suppliers.update(
                    id,
                    new SupplierRepository.Fields(
                            r.name() != null ? r.name().trim() : c.name(),
                            r.code() != null ? blankToNull(r.code()) : partial ? c.code() : null,
                            pick(r.contactPerson(), c.contactPerson(), partial),
                            pick(r.email(), c.email(), partial),
                            pick(r.phone(), c.phone(), partial),
                            pick(r.address(), c.address(), partial),
                            pick(r.website(), c.website(), partial),
                            pick(r.paymentTerms(), c.paymentTerms(), partial),
                            r.deliveryTime() != null || !partial ? r.deliveryTime() : c.deliveryTime(),
                            r.minOrderAmount() != null || !partial ? r.minOrderAmount() : c.minOrderAmount(),
                            r.rating() != null ? r.rating() : partial ? c.rating() : 0,
                            r.isActive() != null ? r.isActive() : !partial || c.isActive(),
                            pick(r.notes(), c.notes(), partial)));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("code", "catalog.supplier_code_taken");
        }
        return get(id);
    }

    void delete(long id) {
        batches.keepSupplierName(id, get(id).fields().name());
        suppliers.delete(id);
    }

    private static String pick(String given, String current, boolean partial) {
        return given != null ? given : partial ? current : "";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
