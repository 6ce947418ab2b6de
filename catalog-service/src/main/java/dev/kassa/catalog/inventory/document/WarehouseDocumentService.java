package dev.kassa.catalog.inventory.document;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Warehouse documents (issue 86 point 3): finds the document a scanned number names in this store and renders each kind
 * of document, from its number or from the record it is the paper of (an order's receipt, a batch received by hand, a
 * transfer, a count), with one renderer a kind. It reads through the repositories' own read-only transactions and draws
 * the PDF after them, holding no database connection while it draws.
 */
@Service
class WarehouseDocumentService {

    /** A document as a file: its name and its PDF. */
    record Rendered(String fileName, byte[] pdf) {}

    private final DocumentRepository documents;
    private final DocumentContentRepository contents;
    private final TenantRegistry registry;
    private final EmployeeDirectory staff;

    WarehouseDocumentService(
            DocumentRepository documents,
            DocumentContentRepository contents,
            TenantRegistry registry,
            EmployeeDirectory staff) {
        this.documents = documents;
        this.contents = contents;
        this.registry = registry;
        this.staff = staff;
    }

    /**
     * The document a number names (404 {@code document_not_found} when none of this store has it); 403
     * {@code permission_denied} when the caller may not read its kind.
     */
    public Located locate(String number, Predicate<DocumentType> readable) {
        Located found = DocumentNumber.parse(number)
                .flatMap(documents::locate)
                .orElseThrow(() -> CatalogErrors.DOCUMENT_NOT_FOUND.exception());
        if (!readable.test(found.type())) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
        return found;
    }

    /** The PDF of the document a number names, refused as {@link #locate} refuses. */
    public Rendered pdf(String number, Predicate<DocumentType> readable) {
        return render(locate(number, readable));
    }

    /** The goods receipt note of an order's receipt (404 {@code document_not_found} when it is not the order's). */
    public Rendered orderReceipt(long order, long receipt) {
        String number = documents
                .orderReceiptNumber(order, receipt)
                .orElseThrow(() -> CatalogErrors.DOCUMENT_NOT_FOUND.exception());
        return render(new Located(DocumentType.GOODS_RECEIPT, number, order, receipt));
    }

    /** The goods receipt note of a batch received by hand (404 {@code document_not_found} for any other batch). */
    public Rendered batchReceipt(long batch) {
        if (!documents.receivedByHand(batch)) {
            throw CatalogErrors.DOCUMENT_NOT_FOUND.exception();
        }
        return render(new Located(DocumentType.GOODS_RECEIPT, DocumentNumber.batchReceipt(batch), batch, null));
    }

    /** A transfer's waybill, once it is shipped (409 {@code transfer_status} for a draft, or one cancelled as such). */
    public Rendered waybill(long transfer) {
        DocumentRepository.Shipment shipment =
                documents.shipment(transfer).orElseThrow(() -> CatalogErrors.TRANSFER_NOT_FOUND.exception());
        if (shipment.shippedAt() == null) {
            throw CatalogErrors.TRANSFER_STATUS.exception(
                    Map.of("transfer_status", shipment.status()), shipment.status());
        }
        return render(new Located(
                DocumentType.TRANSFER_WAYBILL,
                DocumentNumber.transfer(shipment.number(), shipment.fromStore()),
                transfer,
                null));
    }

    /** A count's stock-take sheet. */
    public Rendered countSheet(long count) {
        documents.count(count).orElseThrow(() -> CatalogErrors.COUNT_NOT_FOUND.exception());
        return render(new Located(DocumentType.COUNT_SHEET, DocumentNumber.count(count), count, null));
    }

    private Rendered render(Located document) {
        Tenant tenant = TenantContext.require();
        Letterhead head =
                Letterhead.of(tenant.key(), registry.profile(tenant.key()).orElse(null), tenant.zone());
        DocumentPdf.Sheet sheet =
                switch (document.type()) {
                    case GOODS_RECEIPT -> receipt(head, document, tenant.key());
                    case TRANSFER_WAYBILL -> waybill(head, document);
                    case MOVE_NOTE -> move(head, document, tenant.key());
                    case COUNT_SHEET -> count(head, document, tenant.key());
                };
        return new Rendered(document.number() + ".pdf", DocumentPdf.render(sheet));
    }

    private DocumentPdf.Sheet receipt(Letterhead head, Located document, String store) {
        if (document.receipt() != null) {
            DocumentContentRepository.Receipt receipt = contents.orderReceipt(document.receipt());
            return GoodsReceiptNote.sheet(
                    head,
                    document.number(),
                    receipt,
                    person(store, receipt.receivedBy()),
                    contents.orderReceiptLines(document.receipt()));
        }
        DocumentContentRepository.BatchReceipt batch = contents.batchReceipt(document.id());
        return GoodsReceiptNote.sheet(
                head,
                document.number(),
                batch.receipt(),
                person(store, batch.receipt().receivedBy()),
                List.of(batch.line()));
    }

    /** The waybill, the stores named as their profiles name them, who shipped as the shipping store knows them. */
    private DocumentPdf.Sheet waybill(Letterhead head, Located document) {
        DocumentRepository.Shipment shipment = documents.shipment(document.id()).orElseThrow();
        return TransferWaybill.sheet(
                head,
                document.number(),
                shipment,
                storeName(shipment.fromStore()),
                storeName(shipment.toStore()),
                person(shipment.fromStore(), shipment.shippedBy()),
                contents.shipped(shipment.id()));
    }

    private DocumentPdf.Sheet move(Letterhead head, Located document, String store) {
        List<DocumentContentRepository.Moved> movements = contents.move(document.number());
        String movedBy =
                movements.isEmpty() ? "" : person(store, movements.get(0).movedBy());
        return MoveNote.sheet(head, document.number(), movements, movedBy);
    }

    private DocumentPdf.Sheet count(Letterhead head, Located document, String store) {
        DocumentRepository.Count count = documents.count(document.id()).orElseThrow();
        return CountSheet.sheet(
                head, document.number(), count, person(store, count.createdBy()), contents.countLines(count.id()));
    }

    private String storeName(String key) {
        return registry.profile(key)
                .map(TenantRegistry.Profile::name)
                .filter(name -> !Letterhead.blank(name))
                .orElse(key);
    }

    /** A person of a store by their account: their name in the employee directory, else their number. */
    private String person(String store, Long userId) {
        if (userId == null) {
            return "";
        }
        return staff.byUser(store, userId)
                .map(EmployeeDirectory.Employee::fullName)
                .filter(name -> !Letterhead.blank(name))
                .orElseGet(() -> Messages.get("document.employee", String.valueOf(userId)));
    }
}
