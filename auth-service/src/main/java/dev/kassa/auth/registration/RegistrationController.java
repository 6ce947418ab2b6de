package dev.kassa.auth.registration;

import dev.kassa.auth.account.Views.EmployeeView;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.auth.account.Views.UserView;
import dev.kassa.platform.error.Messages;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class RegistrationController {

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    /**
     * The seed documents show two response shapes (the enveloped {@code data:{user,store,employee,tokens}} and
     * the flat {@code {access,refresh,user,store,employee}}); both are present so clients of either work.
     */
    @Operation(summary = "Register an owner and a store in one request")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "register", value = "{\"username\": \"ivan_owner\", \"password\": \"SecurePass123!\", \"password_confirm\": \"SecurePass123!\", \"first_name\": \"Иван\", \"last_name\": \"Петров\", \"owner_phone\": \"+998901234567\", \"email\": \"ivan@example.com\", \"store_name\": \"Супермаркет Азия\", \"store_address\": \"ул. Навои, д. 45\", \"store_city\": \"Ташкент\", \"store_phone\": \"+998712345678\"}")))
    @PostMapping("/api/users/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(@RequestBody RegisterRequest request) {
        RegistrationService.Registered r = registration.register(request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", UserView.from(r.user()));
        data.put("store", StoreView.from(r.store()));
        data.put("employee", EmployeeView.from(r.employee()));
        data.put("tokens", r.tokens());
        // answered like login, so a client that keeps the tenant key from login's store list selects the new store
        var available = java.util.List.of(dev.kassa.auth.account.Views.AvailableStore.from(new dev.kassa.auth.account.Membership(r.store(), r.employee())));
        data.put("available_stores", available);
        data.put("default_store", dev.kassa.auth.account.Views.DefaultStore.from(available.get(0)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", Messages.get("auth.registered"));
        body.put("data", data);
        body.put("access", r.tokens().access());
        body.put("refresh", r.tokens().refresh());
        body.putAll(Map.of("user", data.get("user"), "store", data.get("store"), "employee", data.get("employee")));
        body.put("available_stores", data.get("available_stores"));
        body.put("default_store", data.get("default_store"));
        return body;
    }
}
