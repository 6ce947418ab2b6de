package dev.kassa.sales.shift;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/** The closed vocabulary of a till's cash movements (spec S31), with the API's lower-case codes. */
final class CashMovementKind {
    private CashMovementKind() {}

    /** Into the till or out of it. */
    enum Type implements Coded {
        CASH_IN,
        CASH_OUT;

        static Optional<Type> of(String code) {
            return Coded.of(Type.class, code);
        }
    }

    /**
     * Why cash moved: the first six a manager gives with a movement; an owner's withdrawal and a debt paid at the till
     * Kassa records itself (they are listed and filtered, never given by hand).
     */
    enum Reason implements Coded {
        COLLECTION(true),
        CHANGE(true),
        FLOAT(true),
        EXPENSE(true),
        CORRECTION(true),
        OTHER(true),
        OWNER_WITHDRAW(false),
        DEBT_PAYMENT(false);

        final boolean byHand;

        Reason(boolean byHand) {
            this.byHand = byHand;
        }

        static Optional<Reason> of(String code) {
            return Coded.of(Reason.class, code);
        }
    }
}
