package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Batch quality (issue 63, point 4): a batch is {@code approved} (held and sold), {@code pending} (received, not yet
 * checked; the store's setting makes new receipts pending) or {@code blocked} (quarantine or recall, with its reason).
 * Pending and blocked stock stays on hand, apart, and is never held or sold ({@link Expiry#SELLABLE}). A decision locks
 * the product as holds do, so no hold takes from a batch while it is being blocked; holds taken before are named.
 */
@Service
public class BatchQualityService {

    /** At most this many holds are named in a decision's answer (with the count of all). */
    static final int HOLDS_NAMED = 100;

    /** Why a batch is blocked (a recall's notice, a failed check). */
    @DomainValidated
    public record BlockRequest(@Required @Filled @Size(max = 500) String reason) {}

    /** The batch after the decision, and the holds tills had taken from it (their sales may still take it). */
    public record Decision(BatchRepository.View batch, long heldBy, List<HoldRepository.Hold> holds) {}

    /** {@code new_batches_pending}: goods received wait in pending until someone approves their batch. */
    public record Settings(boolean newBatchesPending) {}

    @DomainValidated
    public record SettingsRequest(@NotNull Boolean newBatchesPending) {}

    private final BatchRepository batches;
    private final BatchTraceRepository trace;
    private final StockRepository stock;
    private final HoldRepository holds;
    private final StockSettingsRepository settings;
    private final RequestRules rules;
    private final OutboxPublisher outbox;

    BatchQualityService(
            BatchRepository batches,
            BatchTraceRepository trace,
            StockRepository stock,
            HoldRepository holds,
            StockSettingsRepository settings,
            RequestRules rules,
            OutboxPublisher outbox) {
        this.outbox = outbox;
        this.batches = batches;
        this.trace = trace;
        this.stock = stock;
        this.holds = holds;
        this.settings = settings;
        this.rules = rules;
    }

    @Transactional
    public Decision block(Caller caller, long id, BlockRequest r) {
        rules.check(r).throwIfAny();
        return decide(caller, id, BatchStatus.BLOCKED, r.reason().trim());
    }

    @Transactional
    public Decision approve(Caller caller, long id) {
        return decide(caller, id, BatchStatus.APPROVED, "");
    }

    /** A block that changes something (a new block, or a new reason) tells third parties with {@code BatchBlocked}. */
    private Decision decide(Caller caller, long id, BatchStatus status, String reason) {
        BatchRepository.View current = batch(id);
        stock.lockProduct(current.product());
        batches.decide(id, status, reason, caller.userId());
        // the same lot split by moves between locations is one lot: its copies follow the decision (a recall reaches
        // every shelf it lies on)
        trace.copiesOf(id).forEach(copy -> batches.decide(copy, status, reason, caller.userId()));
        Page<HoldRepository.Hold> held =
                holds.page(new HoldRepository.Filter(null, id, HoldStatus.ACTIVE), PageRequest.of(0, HOLDS_NAMED));
        BatchRepository.View now = batch(id);
        boolean blockedAlready =
                BatchStatus.of(current.status()) == BatchStatus.BLOCKED && reason.equals(current.statusReason());
        if (status == BatchStatus.BLOCKED && !blockedAlready) {
            outbox.publish(
                    TenantContext.require().key(),
                    new BatchBlocked(
                            id,
                            now.batchNumber(),
                            now.product(),
                            now.productName(),
                            now.quantity(),
                            now.reservedQuantity(),
                            reason,
                            caller.userId()));
        }
        return new Decision(now, held.getTotalElements(), held.getContent());
    }

    private BatchRepository.View batch(long id) {
        return batches.find(id, TenantContext.require().today())
                .orElseThrow(() -> CatalogErrors.BATCH_NOT_FOUND.exception());
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        return new Settings(settings.newBatchesPending());
    }

    @Transactional
    public Settings change(SettingsRequest r) {
        rules.check(r).throwIfAny();
        settings.update(r.newBatchesPending());
        return settings();
    }
}
