package dev.kassa.sales.register;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.sales.SalesErrors;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/** Cash registers (spec S1): codes are unique and appear in receipt numbers, so they are short and plain. */
@Service
class RegisterService {

    /** {@code startingFloat}: the cash each shift on this register starts with unless the cashier counts another amount. */
    /** A till's fields: a whole record (create, PUT) needs its name and code; a PATCH changes the fields given. */
    record RegisterRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 100) @PrintableText String name,
            @Required(groups = Whole.class)
                    @Filled
                    @Pattern(regexp = "\\s*[A-Za-z0-9_-]{1,20}\\s*", message = "sales.register_code_invalid")
                    String code,
            @Size(max = 200) @PrintableText String location,
            Boolean isActive,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            @Money BigDecimal startingFloat) {}

    private final RegisterRepository registers;
    private final TenantRegistry stores;

    RegisterService(RegisterRepository registers, TenantRegistry stores) {
        this.registers = registers;
        this.stores = stores;
    }

    @Transactional(readOnly = true)
    Page<RegisterRepository.Register> list(Boolean active, String search, String ordering, Pageable page) {
        return registers.page(active, search, RegisterRepository.ORDERING.orderBy(ordering), page);
    }

    @Transactional(readOnly = true)
    RegisterRepository.Register get(long id) {
        return registers.find(id).orElseThrow(RegisterService::notFound);
    }

    @Transactional
    RegisterRepository.Register create(RegisterRequest r) {
        Tills.refusedInWarehouse(stores);
        try {
            long id = registers.create(new RegisterRepository.Fields(
                    r.name().trim(),
                    r.code().trim(),
                    text(r.location()),
                    r.isActive() == null || r.isActive(),
                    text(r.notes()),
                    r.startingFloat() == null ? BigDecimal.ZERO : r.startingFloat()));
            return registers.find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("code", "sales.register_code_taken");
        }
    }

    /** Full or partial update: fields left out keep their values. */
    @Transactional
    RegisterRepository.Register update(long id, RegisterRequest r, boolean partial) {
        RegisterRepository.Register current = registers.find(id).orElseThrow(RegisterService::notFound);
        try {
            registers.update(
                    id,
                    new RegisterRepository.Fields(
                            r.name() != null ? r.name().trim() : current.name(),
                            r.code() != null ? r.code().trim() : current.code(),
                            r.location() != null ? r.location() : partial ? current.location() : "",
                            r.isActive() != null ? r.isActive() : partial ? current.isActive() : true,
                            r.notes() != null ? r.notes() : partial ? current.notes() : "",
                            r.startingFloat() != null
                                    ? r.startingFloat()
                                    : partial ? current.startingFloat() : BigDecimal.ZERO));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("code", "sales.register_code_taken");
        }
        return registers.find(id).orElseThrow();
    }

    /** Only a register that never had a shift can be deleted; others are deactivated (their shifts and receipts refer to them). */
    @Transactional
    void delete(long id) {
        registers.find(id).orElseThrow(RegisterService::notFound);
        if (registers.hasSessions(id)) {
            throw SalesErrors.REGISTER_IN_USE.exception();
        }
        registers.delete(id);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static KassaException notFound() {
        return SalesErrors.REGISTER_NOT_FOUND.exception();
    }
}
