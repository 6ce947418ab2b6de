package dev.kassa.sales.shift;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The closed vocabulary of a till's cash movements (spec S31), with the API's lower-case codes. */
final class CashMovementKind {
    private CashMovementKind() {}

    /** Into the till or out of it. */
    enum Type {
        CASH_IN,
        CASH_OUT;

        final String code = name().toLowerCase(Locale.ROOT);

        static Optional<Type> of(String code) {
            return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }

    /**
     * Why cash moved: the first six a manager gives with a movement; an owner's withdrawal and a debt paid at the till
     * Kassa records itself (they are listed and filtered, never given by hand).
     */
    enum Reason {
        COLLECTION(true),
        CHANGE(true),
        FLOAT(true),
        EXPENSE(true),
        CORRECTION(true),
        OTHER(true),
        OWNER_WITHDRAW(false),
        DEBT_PAYMENT(false);

        final String code = name().toLowerCase(Locale.ROOT);
        final boolean byHand;

        Reason(boolean byHand) {
            this.byHand = byHand;
        }

        static Optional<Reason> of(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
        }
    }
}
