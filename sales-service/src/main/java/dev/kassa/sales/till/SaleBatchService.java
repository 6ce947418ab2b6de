package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.DatabaseFailures;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** An offline till's batch of sales ({@code POST sales/upload}), each recorded on its own by {@link SaleUploadService}. */
@Service
public class SaleBatchService {

    private static final Logger log = LoggerFactory.getLogger(SaleBatchService.class);

    /** Sales an offline till kept while it was offline, in the order they happened (each needs its client_id). */
    public record Batch(@NotEmpty @Size(max = MAX_BATCH) List<SaleUploadService.NewSale> sales) {}

    /** What became of one sale of a batch: recorded now, recorded before, or refused (and why). */
    public record Outcome(
            SaleUploadService.NewSale sale, SaleUploadService.Recorded recorded, KassaException refused) {}

    /** The most sales one batch may carry. */
    static final int MAX_BATCH = 100;

    private final SaleUploadService upload;

    SaleBatchService(SaleUploadService upload) {
        this.upload = upload;
    }

    /**
     * Records each sale of an offline till's batch on its own, in order: one that is refused (a closed shift, an unknown
     * product, a payment short of the total) does not stop the others, and the batch may be sent again (every sale names its
     * {@code client_id}).
     */
    public List<Outcome> recordAll(Caller caller, Batch batch) {
        List<Outcome> outcomes = new ArrayList<>();
        for (SaleUploadService.NewSale sale : batch.sales()) {
            try {
                if (sale == null || sale.clientId() == null) {
                    throw FieldErrors.missing("client_id");
                }
                outcomes.add(new Outcome(sale, upload.record(caller, sale, null), null));
            } catch (KassaException refused) {
                outcomes.add(new Outcome(sale, null, refused));
            } catch (RuntimeException failed) {
                // whatever else failed fails this sale alone, as a refusal the till can read (the batch may be sent
                // again)
                outcomes.add(new Outcome(sale, null, refusal(failed)));
            }
        }
        return outcomes;
    }

    /**
     * A failure that is not a refusal of the sale, as the refusal a till reads: the database away for a moment (send it
     * again), a conflict with what is stored, or an error of Kassa's own (logged).
     */
    private static KassaException refusal(RuntimeException failed) {
        if (DatabaseFailures.isUnavailable(failed)) {
            return PlatformErrors.DATABASE_UNAVAILABLE.exception();
        }
        if (failed instanceof DataIntegrityViolationException) {
            log.warn("An uploaded sale conflicts with what is stored", failed);
            return PlatformErrors.CONFLICT.exception();
        }
        log.error("An uploaded sale failed", failed);
        return PlatformErrors.INTERNAL_ERROR.exception();
    }
}
