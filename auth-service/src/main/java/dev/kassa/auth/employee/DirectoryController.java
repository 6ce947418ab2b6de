package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-through for the other services' employee directories: an employee the store has just created (or reactivated)
 * is known here at once, while the event that tells the directories is still on its way. Answers Kassa's own services
 * only ({@code /internal/}), for a member of the store, in the shape of the directories' events.
 */
@RestController
class DirectoryController {

    private final EmployeeQueryService queries;

    DirectoryController(EmployeeQueryService queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "An employee of the caller's store as the services' directories keep it (Kassa's services only)")
    @GetMapping("/internal/employees/{id}")
    @PreAuthorize(Access.MEMBER)
    EmployeeChanged employee(Caller caller, @PathVariable long id) {
        return queries.directoryEntry(caller, id, null).orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
    }

    @Operation(
            summary =
                    "The caller's store's employee of an account as the services' directories keep it (Kassa's services only)")
    @GetMapping("/internal/employees")
    @PreAuthorize(Access.MEMBER)
    EmployeeChanged ofUser(Caller caller, @RequestParam long user) {
        return queries.directoryEntry(caller, null, user).orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
    }
}
