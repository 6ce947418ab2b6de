package dev.kassa.sales.shift;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

@Service
public class ShiftService {

    private final SessionRepository sessions;
    private final OutboxPublisher outbox;

    ShiftService(SessionRepository sessions, OutboxPublisher outbox) {
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** Opens the caller's shift at the main register; one open shift per cashier and register. */
    @Transactional
    public Session open(Caller caller, BigDecimal openingBalance) {
        if (openingBalance == null) {
            throw FieldErrors.single("opening_balance", "validation.required");
        }
        if (openingBalance.signum() < 0 || openingBalance.stripTrailingZeros().scale() > 2
                || openingBalance.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw FieldErrors.single("opening_balance", "validation.not_negative");
        }
        if (sessions.currentOf(caller.userId()).isPresent()) {
            throw alreadyOpen();
        }
        long register = sessions.mainRegister();
        long id;
        try {
            id = sessions.open(register, caller.userId(), caller.username(), openingBalance.setScale(2, RoundingMode.UNNECESSARY));
        } catch (DuplicateKeyException raced) {
            throw alreadyOpen();
        }
        Session session = sessions.find(id).orElseThrow();
        outbox.publish(Topics.SALES, "SessionOpened", TenantContext.require().key(), Map.of("session_id", id, "register_id", register,
                "cashier_id", caller.userId(), "opening_cash", session.openingCash(), "opened_at", session.openedAt().toString(),
                "business_date", TenantContext.require().today().toString()));
        return session;
    }

    @Transactional(readOnly = true)
    public Session current(Caller caller) {
        return sessions.currentOf(caller.userId()).orElseThrow(() -> new KassaException(404, "no_open_session", "sales.no_open_session"));
    }

    private static KassaException alreadyOpen() {
        return new KassaException(400, "session_already_open", "sales.session_already_open");
    }
}
