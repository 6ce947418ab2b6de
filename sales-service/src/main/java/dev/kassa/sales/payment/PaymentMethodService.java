package dev.kassa.sales.payment;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.sales.SalesErrors;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;

/**
 * The rules of a store's payment methods: its own methods get a plain code (given, or made from a Latin name), which the
 * till sends as {@code payment_method}; a built-in method can be renamed or switched off, but whether it lies in the drawer
 * is Kassa's (cash does, the others do not); a method that was paid with is switched off, never deleted.
 */
@Service
public class PaymentMethodService {

    /** A method's fields: a new one needs its name; a PATCH changes the fields given ({@code code} only on create). */
    record PaymentMethodRequest(
            @Pattern(regexp = CODE, message = "sales.payment_method_code_invalid") String code,
            @Required(groups = Whole.class) @Filled @Size(max = 100) @PrintableText String name,
            Boolean countedInDrawer,
            Boolean isActive) {}

    static final String CODE = "[a-z][a-z0-9_]{1,19}";

    private final PaymentMethodRepository methods;

    PaymentMethodService(PaymentMethodRepository methods) {
        this.methods = methods;
    }

    @Transactional(readOnly = true)
    List<PaymentMethodRepository.PaymentMethod> list(Boolean active) {
        return methods.list(active);
    }

    @Transactional(readOnly = true)
    PaymentMethodRepository.PaymentMethod get(String code) {
        return methods.find(code).orElseThrow(SalesErrors.PAYMENT_METHOD_NOT_FOUND::exception);
    }

    /**
     * Refuses tenders by a method the store does not have or has switched off, each named by its place
     * ({@code <field>.<i>.payment_method}), inside the caller's transaction.
     */
    @Transactional(readOnly = true)
    public void requireEnabled(String field, List<String> codes) {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null
                    || methods.find(code)
                            .filter(PaymentMethodRepository.PaymentMethod::isActive)
                            .isEmpty()) {
                errors.add(field + "." + i + ".payment_method", "sales.payment_method_unknown");
            }
        }
        errors.throwIfAny();
    }

    /** Refuses a {@code payment_method} filter that names none of the store's methods (enabled or not). */
    @Transactional(readOnly = true)
    public void requireKnown(String field, String code) {
        if (code != null && methods.find(code).isEmpty()) {
            throw FieldErrors.single(field, "sales.payment_method_unknown");
        }
    }

    @Transactional
    PaymentMethodRepository.PaymentMethod create(PaymentMethodRequest r) {
        String name = r.name().trim();
        String code = r.code() != null ? r.code() : codeOf(name);
        try {
            methods.create(
                    code,
                    new PaymentMethodRepository.Fields(
                            name, Boolean.TRUE.equals(r.countedInDrawer()), r.isActive() == null || r.isActive()));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("code", "sales.payment_method_code_taken");
        }
        return methods.find(code).orElseThrow();
    }

    @Transactional
    PaymentMethodRepository.PaymentMethod update(String code, PaymentMethodRequest r) {
        PaymentMethodRepository.PaymentMethod current = get(code);
        FieldErrors errors = new FieldErrors();
        if (r.code() != null && !r.code().equals(code)) {
            errors.add("code", "sales.payment_method_code_fixed");
        }
        if (current.builtIn() && r.countedInDrawer() != null && r.countedInDrawer() != current.countedInDrawer()) {
            errors.add("counted_in_drawer", "sales.payment_method_built_in_drawer");
        }
        errors.throwIfAny();
        String name =
                r.name() != null ? r.name().trim() : methods.storedName(code).orElse(null);
        methods.update(
                code,
                new PaymentMethodRepository.Fields(
                        name,
                        r.countedInDrawer() != null ? r.countedInDrawer() : current.countedInDrawer(),
                        r.isActive() != null ? r.isActive() : current.isActive()));
        return methods.find(code).orElseThrow();
    }

    /** Deletes one of the store's own methods that nothing was paid with; the others are switched off instead. */
    @Transactional
    void delete(String code) {
        PaymentMethodRepository.PaymentMethod current = get(code);
        if (current.builtIn()) {
            throw SalesErrors.PAYMENT_METHOD_BUILT_IN.exception();
        }
        if (methods.used(code)) {
            throw SalesErrors.PAYMENT_METHOD_IN_USE.exception();
        }
        methods.delete(code);
    }

    /** A code made from a Latin name ("Payme Plus" → {@code payme_plus}); a name in another script needs its code given. */
    static String codeOf(String name) {
        String code =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (code.length() > 20) {
            code = code.substring(0, 20).replaceAll("_+$", "");
        }
        if (!code.matches(CODE)) {
            throw FieldErrors.single("code", "sales.payment_method_code_needed");
        }
        return code;
    }
}
