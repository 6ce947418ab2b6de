package dev.kassa.customer.card;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Customer groups (spec §6.3 K1, K2): read by staff, changed by owners and managers. */
@RestController
@RequestMapping("/api/customers/groups")
class GroupController {

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "-discount_percent",
            "g.id",
            Map.of("discount_percent", "g.discount_percent, g.name", "name", "g.name", "created_at", "g.created_at"));

    private final GroupService groups;
    private final CustomerQueryService customers;

    GroupController(GroupService groups, CustomerQueryService customers) {
        this.groups = groups;
        this.customers = customers;
    }

    @Operation(
            summary =
                    "Groups, biggest discount first: filter is_active, search name and description; ordering name, discount_percent, created_at")
    @GetMapping
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<CustomerGroupRepository.Group> list(
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(groups.page(active, search, orderBy, page), g -> g);
    }

    @Operation(summary = "A group with the number of its active members")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CUSTOMERS)
    CustomerGroupRepository.Group get(@PathVariable long id) {
        return groups.find(id);
    }

    @Operation(summary = "Create a group (owner, manager): name required and unique, discount_percent 0–100")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    CustomerGroupRepository.Group create(@RequestBody GroupRequest request) {
        return groups.create(request);
    }

    @Operation(summary = "Replace a group (owner, manager)")
    @PutMapping("/{id}")
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    CustomerGroupRepository.Group replace(@PathVariable long id, @RequestBody GroupRequest request) {
        return groups.update(id, request, false);
    }

    @Operation(summary = "Change the fields given (owner, manager)")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    CustomerGroupRepository.Group patch(@PathVariable long id, @RequestBody GroupRequest request) {
        return groups.update(id, request, true);
    }

    @Operation(summary = "Delete a group (owner, manager); its members stay, without a group")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_CUSTOMERS)
    void delete(@PathVariable long id) {
        groups.delete(id);
    }

    @Operation(summary = "The group's active members")
    @GetMapping("/{id}/members")
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<CustomerResponse> members(@PathVariable long id, PageRequest page) {
        return PageResponse.of(customers.members(id, page.withSort(Sort.by("lastName", "firstName", "id"))), c -> c);
    }
}
