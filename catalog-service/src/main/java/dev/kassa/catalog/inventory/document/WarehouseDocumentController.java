package dev.kassa.catalog.inventory.document;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Predicate;

/**
 * Warehouse documents (issue 86 point 3): what a scanned document number opens, and each document's PDF by its number
 * or from the record it is the paper of (an order's receipt, a batch received by hand, a transfer, a count).
 */
@RestController
class WarehouseDocumentController {

    /** Where to go from a scan: the document's PDF, and the record it is the paper of. */
    record DocumentLinks(String pdf, String self) {}

    /**
     * What a scanned number opens: the kind of document, the record it is the paper of (the purchase order, the batch
     * received by hand, the transfer as this store holds it, the count; none for a move), its number as printed.
     */
    record DocumentView(String type, Long id, String number, DocumentLinks links) {

        static DocumentView of(Located d) {
            String self =
                    switch (d.type()) {
                        case GOODS_RECEIPT -> d.receipt() != null
                                ? "/api/products/purchase-orders/" + d.id()
                                : "/api/products/batches/" + d.id();
                        case TRANSFER_WAYBILL -> "/api/products/transfers/" + d.id();
                        case MOVE_NOTE -> "/api/products/documents/" + d.number();
                        case COUNT_SHEET -> "/api/products/counts/" + d.id();
                    };
            return new DocumentView(
                    d.type().code(),
                    d.id(),
                    d.number(),
                    new DocumentLinks("/api/products/documents/" + d.number() + "/pdf", self));
        }
    }

    private static final SpelExpressionParser RULES = new SpelExpressionParser();

    private final WarehouseDocumentService documents;

    WarehouseDocumentController(WarehouseDocumentService documents) {
        this.documents = documents;
    }

    @Operation(
            summary = "What a scanned document number opens: {type (goods_receipt, transfer_waybill, move_note, "
                    + "count_sheet), id (the purchase order, the batch received by hand, the transfer, the count; none "
                    + "for a move), number, links: {pdf, self}}; numbers as printed under the barcodes (PO-000012-R1, "
                    + "GR-000123, TR-000007-AB12CD34, MOVE-0A1B2C3D, CNT-000042), in any case; a goods receipt or a "
                    + "waybill only for who may read stock values")
    @GetMapping("/api/products/documents/{number}")
    @PreAuthorize(Access.READ_CATALOG)
    DocumentView find(@PathVariable String number, Authentication caller) {
        return DocumentView.of(documents.locate(number, readableBy(caller)));
    }

    @Operation(
            summary = "A document as a PDF by its number: the store's details, the number as a Code 128 barcode, "
                    + "its lines; read as documents/{number} is")
    @GetMapping(value = "/api/products/documents/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<Resource> pdf(@PathVariable String number, Authentication caller) {
        return file(documents.pdf(number, readableBy(caller)));
    }

    @Operation(
            summary = "The goods receipt note of a purchase order's receipt (PDF): the supplier, who took the goods in "
                    + "and when, each line's batch, expiry, location, quantity, cost and sum, the total")
    @GetMapping(
            value = "/api/products/purchase-orders/{id}/receipts/{receipt}/pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_STOCK_VALUE)
    ResponseEntity<Resource> orderReceipt(@PathVariable long id, @PathVariable long receipt) {
        return file(documents.orderReceipt(id, receipt));
    }

    @Operation(
            summary = "The goods receipt note of a batch received by hand (POST batches/; a product's first stock) "
                    + "as a PDF")
    @GetMapping(value = "/api/products/batches/{id}/receipt-note", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_STOCK_VALUE)
    ResponseEntity<Resource> batchReceipt(@PathVariable long id) {
        return file(documents.batchReceipt(id));
    }

    @Operation(
            summary = "A shipped transfer's waybill (PDF), the same at both stores: from and to, shipped when and "
                    + "by whom, each line batch by batch with expiry, quantity, cost and sum, lines to sign for the "
                    + "driver")
    @GetMapping(value = "/api/products/transfers/{id}/waybill", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_STOCK_VALUE)
    ResponseEntity<Resource> waybill(@PathVariable long id) {
        return file(documents.waybill(id));
    }

    @Operation(
            summary = "A count's stock-take sheet (PDF): each product with its SKU, barcode, locations, what is "
                    + "expected (not on a blind count's sheet) and a box to write the counted figure in")
    @GetMapping(value = "/api/products/counts/{id}/sheet", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<Resource> countSheet(@PathVariable long id) {
        return file(documents.countSheet(id));
    }

    private static ResponseEntity<Resource> file(WarehouseDocumentService.Rendered rendered) {
        String disposition = ContentDisposition.attachment()
                .filename(rendered.fileName())
                .build()
                .toString();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(new ByteArrayResource(rendered.pdf()));
    }

    /**
     * The kinds of document the caller may read: those whose {@code Access} rule the caller passes, decided as
     * {@code @PreAuthorize} decides it (a goods receipt or a waybill shows what the stock cost).
     */
    private static Predicate<DocumentType> readableBy(Authentication caller) {
        SecurityExpressionRoot root = new SecurityExpressionRoot(caller) {};
        root.setTrustResolver(new AuthenticationTrustResolverImpl());
        StandardEvaluationContext context = new StandardEvaluationContext(root);
        return type -> Boolean.TRUE.equals(RULES.parseExpression(type.access()).getValue(context, Boolean.class));
    }
}
