package dev.kassa.auth.registration;

import dev.kassa.auth.account.Membership;
import dev.kassa.auth.account.Views.AvailableStore;
import dev.kassa.auth.account.Views.DefaultStore;
import dev.kassa.auth.account.Views.EmployeeView;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.auth.account.Views.UserView;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.platform.error.Messages;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class RegistrationController {

    /** The new owner, store and employee with the owner's tokens and store list, as login answers them. */
    record RegisteredData(
            String access,
            String refresh,
            UserView user,
            StoreView store,
            EmployeeView employee,
            TokenPair tokens,
            List<AvailableStore> availableStores,
            DefaultStore defaultStore) {}

    /** The enveloped shape ({@code data}) and the flat one (the same values at the top level) in one answer. */
    record Registration(
            String status,
            String message,
            RegisteredData data,
            String access,
            String refresh,
            UserView user,
            StoreView store,
            EmployeeView employee,
            List<AvailableStore> availableStores,
            DefaultStore defaultStore) {}

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    /**
     * The seed documents show two response shapes (the enveloped {@code data:{user,store,employee,tokens}} and
     * the flat {@code {access,refresh,user,store,employee}}); both are present so clients of either work.
     */
    @Operation(summary = "Register an owner and a store in one request")
    @PostMapping("/api/users/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registration register(@RequestBody RegisterRequest request) {
        RegistrationService.Registered r = registration.register(request);
        UserView user = UserView.from(r.user());
        StoreView store = StoreView.from(r.store());
        EmployeeView employee = EmployeeView.from(r.employee());
        // answered like login, so a client that keeps the tenant key from login's store list selects the new store
        List<AvailableStore> available = List.of(AvailableStore.from(new Membership(r.store(), r.employee())));
        DefaultStore defaultStore = DefaultStore.from(available.get(0));
        RegisteredData data = new RegisteredData(
                r.tokens().access(), r.tokens().refresh(), user, store, employee, r.tokens(), available, defaultStore);
        return new Registration(
                "success",
                Messages.get("auth.registered"),
                data,
                r.tokens().access(),
                r.tokens().refresh(),
                user,
                store,
                employee,
                available,
                defaultStore);
    }
}
