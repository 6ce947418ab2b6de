package dev.kassa.sales.print;

import dev.kassa.platform.security.PublicLinkTokens;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.web.ClientUrls;
import dev.kassa.sales.SalesErrors;
import org.springframework.stereotype.Service;

/**
 * Digital receipts' public links: one working link per completed sale, made when its receipt is first printed or asked
 * for, a random token of 144 bits (24 URL-safe characters: nothing to count up or guess, and nothing of the store or
 * the sale in it); a manager withdraws a link (it then answers 410) and the next print makes a new one. Every instance
 * reads and writes the same table, so any of them answers any link.
 */
@Service
public class ReceiptLinkService {

    /** Where a link leads: the store, opened for the call, and its sale. */
    record Opened(Tenant tenant, long saleId) {}

    private final ReceiptLinkRepository links;
    private final TenantProvisioner tenants;

    ReceiptLinkService(ReceiptLinkRepository links, TenantProvisioner tenants) {
        this.links = links;
        this.tenants = tenants;
    }

    /** The sale's working link (made now if it has none), as the client reaches it through the gateway. */
    ReceiptLinkRepository.Link linkFor(String tenantKey, long saleId) {
        return links.live(tenantKey, saleId).orElseGet(() -> links.create(tenantKey, saleId, PublicLinkTokens.next()));
    }

    /** The address of a link on the host the client called. */
    static String url(ReceiptLinkRepository.Link link) {
        return url(link.token());
    }

    static String url(String token) {
        return ClientUrls.of("/r/" + token);
    }

    /** Withdraws the sale's working link; 404 {@code receipt_link_unknown} when it has none. */
    void withdraw(String tenantKey, long saleId, long by) {
        if (!links.withdraw(tenantKey, saleId, by)) {
            throw SalesErrors.RECEIPT_LINK_UNKNOWN.exception();
        }
    }

    /** The store and sale of a link: 404 for a token no link has (or not a token at all), 410 for a withdrawn one. */
    Opened open(String token) {
        if (!PublicLinkTokens.wellFormed(token)) {
            throw SalesErrors.RECEIPT_LINK_UNKNOWN.exception();
        }
        ReceiptLinkRepository.Link link =
                links.find(token).orElseThrow(() -> SalesErrors.RECEIPT_LINK_UNKNOWN.exception());
        if (link.withdrawnAt() != null) {
            throw SalesErrors.RECEIPT_LINK_WITHDRAWN.exception();
        }
        return new Opened(tenants.ensureReady(link.tenantKey()), link.saleId());
    }
}
