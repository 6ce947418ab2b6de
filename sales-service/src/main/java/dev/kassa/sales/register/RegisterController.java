package dev.kassa.sales.register;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Whole;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cash registers (spec S1–S3): everyone who sells sees them; managers and owners set them up. */
@RestController
class RegisterController {

    private final RegisterService registers;

    RegisterController(RegisterService registers) {
        this.registers = registers;
    }

    @Operation(
            summary =
                    "Registers: filter is_active, search over name/code/location, ordering name/created_at; paginated")
    @GetMapping("/api/sales/cash-registers")
    @PreAuthorize(Access.SELL)
    PageResponse<RegisterRepository.Register> list(
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(registers.list(active, search, ordering, page), r -> r);
    }

    @Operation(
            summary =
                    "Add a register: {name, code (letters, digits, - or _; used in receipt numbers), location?, is_active?, notes?}")
    @PostMapping("/api/sales/cash-registers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_SALES)
    RegisterRepository.Register create(@Validated(Whole.class) @RequestBody RegisterService.RegisterRequest request) {
        return registers.create(request);
    }

    @Operation(summary = "One register with the number of its open shifts")
    @GetMapping("/api/sales/cash-registers/{id}")
    @PreAuthorize(Access.SELL)
    RegisterRepository.Register get(@PathVariable long id) {
        return registers.get(id);
    }

    @Operation(summary = "Replace a register's settings")
    @PutMapping("/api/sales/cash-registers/{id}")
    @PreAuthorize(Access.MANAGE_SALES)
    RegisterRepository.Register replace(
            @PathVariable long id, @Validated(Whole.class) @RequestBody RegisterService.RegisterRequest request) {
        return registers.update(id, request, false);
    }

    @Operation(summary = "Change some of a register's settings, e.g. {\"is_active\": false}")
    @PatchMapping("/api/sales/cash-registers/{id}")
    @PreAuthorize(Access.MANAGE_SALES)
    RegisterRepository.Register update(
            @PathVariable long id, @Valid @RequestBody RegisterService.RegisterRequest request) {
        return registers.update(id, request, true);
    }

    @Operation(summary = "Delete a register that never had a shift (others are deactivated with is_active=false)")
    @DeleteMapping("/api/sales/cash-registers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_SALES)
    void delete(@PathVariable long id) {
        registers.delete(id);
    }
}
