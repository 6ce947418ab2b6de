package dev.kassa.sales.floor;

import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** The store's tables as other features see them (orders are taken at them). */
@Service
public class TableService {

    /** A table an order stands at: its name, and its area's (null without one). */
    public record Table(long id, String name, String area) {}

    private final TableRepository tables;
    private final CafeSettingsRepository settings;

    TableService(TableRepository tables, CafeSettingsRepository settings) {
        this.tables = tables;
        this.settings = settings;
    }

    /** Whether the store lets guests order from their table's menu, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean guestOrdering() {
        return settings.get().guestOrdering();
    }

    /**
     * The table, if the store has it and it is in use, its row locked until the caller's transaction ends: two orders
     * opened, moved or split onto the same table at once are decided one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Table> lockActive(long id) {
        if (!tables.lock(id)) {
            return Optional.empty();
        }
        return tables.find(TenantContext.require().key(), id)
                .filter(TableRepository.Table::isActive)
                .map(t -> new Table(t.id(), t.name(), t.areaName()));
    }
}
