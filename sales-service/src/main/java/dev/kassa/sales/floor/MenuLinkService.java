package dev.kassa.sales.floor;

import dev.kassa.platform.security.PublicLinkTokens;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.sales.SalesErrors;
import org.springframework.stereotype.Service;

/** A table's public menu link opened: the store and the table it names, nothing else (the menu, a guest's order). */
@Service
public class MenuLinkService {

    /** The store and the table behind a working link. */
    public record Opened(Tenant tenant, long tableId) {}

    private final TableLinkRepository links;
    private final TenantProvisioner tenants;

    MenuLinkService(TableLinkRepository links, TenantProvisioner tenants) {
        this.links = links;
        this.tenants = tenants;
    }

    /** 404 for a token no link has (or not a token at all), 410 for a withdrawn one. */
    public Opened open(String token) {
        if (!PublicLinkTokens.wellFormed(token)) {
            throw SalesErrors.MENU_LINK_UNKNOWN.exception();
        }
        TableLinkRepository.Link link = links.find(token).orElseThrow(SalesErrors.MENU_LINK_UNKNOWN::exception);
        if (link.withdrawnAt() != null) {
            throw SalesErrors.MENU_LINK_WITHDRAWN.exception();
        }
        return new Opened(tenants.ensureReady(link.tenantKey()), link.tableId());
    }
}
