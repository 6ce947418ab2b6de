package dev.kassa.platform.testapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.IsoDate;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A form with every kind of declared rule, to show how each reaches the error body. */
@RestController
class FormController {

    record Line(@NotNull Long product, @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity) {}

    record FormRequest(
            @NotBlank @Size(max = 5) String title,
            @Phone @JsonProperty("phone_2") String phone2,
            @Money(positive = true) BigDecimal unitPrice,
            @Money(message = "note.deposit_invalid") BigDecimal deposit,
            @NotEmpty @Valid List<Line> lines,
            @OneOf(values = {"cash", "card"}) String paymentMethod,
            @IsoDate String day,
            @EmailAddress String email) {}

    @PostMapping("/api/notes/forms")
    @PreAuthorize(Access.EDIT_CATALOG)
    Map<String, Object> submit(@Valid @RequestBody FormRequest form) {
        return Map.of("title", form.title());
    }

    /** A record whose name a whole record (create, PUT) needs and a PATCH may leave out, never blank. */
    record Label(@Required(groups = Whole.class) @Filled @Size(max = 20) String name, @Size(max = 5) String code) {}

    @PostMapping("/api/notes/labels")
    @PreAuthorize(Access.EDIT_CATALOG)
    Map<String, Object> createLabel(@Validated(Whole.class) @RequestBody Label label) {
        return Map.of("name", label.name());
    }

    @PatchMapping("/api/notes/labels/1")
    @PreAuthorize(Access.EDIT_CATALOG)
    Map<String, Object> patchLabel(@Valid @RequestBody Label label) {
        return Map.of("code", String.valueOf(label.code()));
    }

    @GetMapping("/api/notes/forms")
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, Object> page(@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return Map.of("page_size", pageSize);
    }
}
