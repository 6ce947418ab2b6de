package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.Required;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Shelf labels to print: a PDF of the products asked for, on an A4 sheet of 40 or a thermal printer's roll. */
@RestController
class LabelController {

    /** At most this many labels in one file (25 A4 sheets of 40 and more: a shop prints a delivery's worth at once). */
    static final int MAX_LABELS = 5000;

    /** The labels to print: each product as many times as its {@code copies} (1 by default), on the {@code template}. */
    record LabelsRequest(
            @NotEmpty @Size(min = 1, max = 500) List<@Valid Item> items,
            @OneOf(of = LabelTemplate.class, message = "catalog.label_template_invalid") String template) {

        @Schema(name = "LabelItem")
        record Item(
                @Required Long product,
                @Min(value = 1, message = "catalog.label_quantity_invalid")
                        @Max(value = 1000, message = "catalog.label_quantity_invalid")
                        Integer copies) {}
    }

    private final ProductService products;

    LabelController(ProductService products) {
        this.products = products;
    }

    @Operation(
            summary = "Shelf labels as a PDF: {items: [{product, copies?}], template?: a4-40 (default), 58x40, 30x20}; "
                    + "name, price, unit and a barcode a scanner reads (EAN-13 when valid, Code 128 otherwise)")
    @PostMapping(value = "/api/products/labels", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<Resource> labels(@Valid @RequestBody LabelsRequest request) {
        LabelTemplate template =
                Coded.of(LabelTemplate.class, request.template()).orElse(LabelTemplate.A4_40);
        int total = request.items().stream()
                .mapToInt(i -> i.copies() == null ? 1 : i.copies())
                .sum();
        if (total > MAX_LABELS) {
            throw FieldErrors.single("items", "catalog.labels_too_many", MAX_LABELS);
        }
        List<ShelfLabel> labels = new ArrayList<>(total);
        for (int i = 0; i < request.items().size(); i++) {
            LabelsRequest.Item item = request.items().get(i);
            ShelfLabel label = label(i, item.product());
            for (int copy = 0; copy < (item.copies() == null ? 1 : item.copies()); copy++) {
                labels.add(label);
            }
        }
        return pdf(template, labels);
    }

    @Operation(
            summary = "One product's shelf labels as a PDF (?format=pdf): ?quantity= copies (1–1000), ?template= a4-40 "
                    + "(default), 58x40, 30x20; without format=pdf the same path answers the label's data as JSON")
    @GetMapping(
            value = "/api/products/products/{id}/print-label",
            params = "format=pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<Resource> label(
            @PathVariable long id,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String template) {
        LabelTemplate kind = template == null || template.isBlank()
                ? LabelTemplate.A4_40
                : Coded.of(LabelTemplate.class, template.trim())
                        .orElseThrow(() -> FieldErrors.single("template", "catalog.label_template_invalid"));
        int copies = ShelfLabel.copies(quantity);
        ShelfLabel label = ShelfLabel.of(products.get(id));
        return pdf(kind, java.util.Collections.nCopies(copies, label));
    }

    /** The labels on the template, as a file to print. */
    private static ResponseEntity<Resource> pdf(LabelTemplate template, List<ShelfLabel> labels) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("labels-" + template.code() + ".pdf")
                                .build()
                                .toString())
                .body(new ByteArrayResource(LabelSheet.render(template, labels)));
    }

    /** The product's label; a product that is not there or has no price is named by its place in the list. */
    private ShelfLabel label(int index, long product) {
        String field = "items." + index + ".product";
        try {
            return ShelfLabel.of(products.get(product));
        } catch (KassaException e) {
            if (e.status() == 404) {
                throw FieldErrors.single(field, "catalog.product_not_found");
            }
            if (e.status() == 400 && e.fieldErrors().isEmpty()) {
                throw FieldErrors.single(field, e.messageKey());
            }
            throw e;
        }
    }
}
