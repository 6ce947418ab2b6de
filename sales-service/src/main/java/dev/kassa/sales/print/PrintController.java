package dev.kassa.sales.print;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Receipts and shift reports to print ({@code ?format=html|pdf|escpos}, {@code &width=58|80}) on the paths whose JSON
 * the till already reads, and a sale's digital receipt link.
 */
@RestController
class PrintController {

    /** A sale's digital receipt: its public address and since when it works. */
    record ReceiptLink(String url, Instant createdAt) {}

    private final PrintService printouts;
    private final ReceiptLinkService links;

    PrintController(PrintService printouts, ReceiptLinkService links) {
        this.printouts = printouts;
        this.links = links;
    }

    // named as the JSON receipt's handler: the two share one operation in the OpenAPI document
    @Operation(
            summary = "The receipt to print or show (?format=html|pdf|escpos, &width=58|80 mm, 80 by default): store, "
                    + "address and tax id, number, date, cashier, lines with discounts, VAT, payments, change, the "
                    + "buyer's bonus balance, refunds since, and the QR code of the digital receipt; escpos is a thermal "
                    + "printer's byte stream (code page CP866); without format the JSON receipt")
    @ApiResponse(
            responseCode = "200",
            description = "The receipt",
            content = {
                @Content(mediaType = "text/html", schema = @Schema(type = "string")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/vnd.escpos", schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping(
            value = "/api/sales/sales/{id}/receipt",
            params = {"format", "format!=json"})
    @PreAuthorize(Access.READ_SALES)
    ResponseEntity<byte[]> receipt(
            @PathVariable long id, @RequestParam String format, @RequestParam(required = false) Integer width) {
        PrintFormat as = PrintFormat.of(format);
        Paper paper = Paper.of(width);
        Printout receipt = printouts.receipt(id);
        return as.answer(receipt, paper, "receipt-" + id);
    }

    @Operation(
            summary =
                    "The shift's X report (open) or Z report (closed) to print (?format=html|pdf|escpos, &width=58|80): "
                            + "sales, payments by method, refunds, cash movements, expected and counted cash; without format the "
                            + "JSON report")
    @ApiResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(mediaType = "text/html", schema = @Schema(type = "string")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/vnd.escpos", schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping(
            value = "/api/sales/sessions/{id}/report",
            params = {"format", "format!=json"})
    @PreAuthorize(Access.SELL)
    ResponseEntity<byte[]> report(
            @PathVariable long id,
            @RequestParam String format,
            @RequestParam(required = false) Integer width,
            Caller caller) {
        PrintFormat as = PrintFormat.of(format);
        Paper paper = Paper.of(width);
        return as.answer(printouts.shift(caller, id), paper, "shift-" + id);
    }

    @Operation(
            tags = "sale",
            summary =
                    "The completed sale's digital receipt link (made on the first call, the same one after): a public "
                            + "page at /r/{token} that needs no login; 409 receipt_not_completed for a draft or cancelled sale")
    @PostMapping("/api/sales/sales/{id}/receipt-link")
    @PreAuthorize(Access.READ_SALES)
    ReceiptLink makeReceiptLink(@PathVariable long id) {
        ReceiptLinkRepository.Link link = printouts.link(id);
        return new ReceiptLink(ReceiptLinkService.url(link), link.createdAt());
    }

    @Operation(
            tags = "sale",
            summary =
                    "Withdraw the sale's digital receipt link (manager or owner): it answers 410 from now on, and the "
                            + "next print makes a new one; 404 receipt_link_unknown when the sale has no working link")
    @DeleteMapping("/api/sales/sales/{id}/receipt-link")
    @PreAuthorize(Access.MANAGE_SALES)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawReceiptLink(@PathVariable long id, Caller caller) {
        printouts.withdrawLink(caller, id);
    }
}
