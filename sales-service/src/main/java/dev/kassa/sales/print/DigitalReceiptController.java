package dev.kassa.sales.print;

import dev.kassa.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The digital receipt: a sale's receipt as a web page at its public link, for the buyer who scanned its QR code or was
 * sent it. No login; the gateway limits the calls of each address. The page shows the sale and its refunds, never the
 * buyer's balance, and is neither cached nor indexed nor given away as a referrer; it loads nothing from elsewhere, and its
 * Content-Security-Policy lets in only its own style (a fresh nonce per answer) and its inline QR code ({@link PagePolicy}).
 */
@RestController
class DigitalReceiptController {

    private final ReceiptLinkService links;
    private final PrintService printouts;

    DigitalReceiptController(ReceiptLinkService links, PrintService printouts) {
        this.links = links;
        this.printouts = printouts;
    }

    @Operation(
            summary = "A digital receipt (public, no login): the sale's receipt as a web page, refunds included; 404 "
                    + "receipt_link_unknown, 410 receipt_link_withdrawn; &width=58|80 as printed")
    @ApiResponse(
            responseCode = "200",
            description = "The receipt's page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping("/r/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token, @RequestParam(required = false) Integer width) {
        Paper paper = Paper.of(width);
        ReceiptLinkService.Opened opened = links.open(token);
        Printout receipt = TenantContext.call(opened.tenant(), () -> printouts.digitalReceipt(opened.saleId(), token));
        String nonce = PagePolicy.nonce();
        String page = HtmlPrintout.render(receipt, paper, LocaleContextHolder.getLocale(), nonce);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .header(PagePolicy.HEADER, PagePolicy.header(nonce, true))
                .body(page.getBytes(StandardCharsets.UTF_8));
    }
}
