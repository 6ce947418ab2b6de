package dev.kassa.analytics.webhook;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.AppScopes;
import dev.kassa.platform.security.Caller;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A store's webhooks (the owner's, and an app's with {@code webhooks:manage}: only its own): subscriptions to event types, each delivery's log and attempts, a test ping and a
 * redelivery. How a receiver verifies a delivery: {@code docs/integrations.md}.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "The event types a subscription may name (their fields: docs/events.md and /api-docs/events)")
    @GetMapping("/event-types")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    WebhookService.EventTypeList eventTypes() {
        return WebhookService.eventTypes();
    }

    @Operation(summary = "The store's subscriptions (owner)")
    @GetMapping("/subscriptions")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    List<SubscriptionView> list(Caller caller) {
        return webhooks.list(manager(caller));
    }

    @Operation(
            summary = "Subscribe a URL to event types (owner): https, a public address; the answer holds the signing "
                    + "secret, shown this once")
    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    SubscriptionView create(@Validated(Whole.class) @RequestBody SubscriptionRequest request, Caller caller) {
        return webhooks.create(manager(caller), request);
    }

    @Operation(summary = "A subscription (owner)")
    @GetMapping("/subscriptions/{id}")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    SubscriptionView get(@PathVariable long id, Caller caller) {
        return webhooks.get(manager(caller), id);
    }

    @Operation(
            summary =
                    "Change a subscription's URL, description, event types or is_active (owner); is_active true turns "
                            + "on one that Kassa turned off")
    @PatchMapping("/subscriptions/{id}")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    SubscriptionView patch(@PathVariable long id, @Valid @RequestBody SubscriptionRequest request, Caller caller) {
        return webhooks.update(manager(caller), id, request);
    }

    @Operation(summary = "Delete a subscription and its delivery log (owner)")
    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    void delete(@PathVariable long id, Caller caller) {
        webhooks.delete(manager(caller), id);
    }

    @Operation(
            summary =
                    "A new signing secret, shown this once (owner); deliveries are signed with the old one too for 24 "
                            + "hours")
    @PostMapping("/subscriptions/{id}/rotate-secret")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    SubscriptionView rotate(@PathVariable long id, Caller caller) {
        return webhooks.rotate(manager(caller), id);
    }

    @Operation(summary = "Send a test delivery of type ping now (owner); its result shows in the delivery log")
    @PostMapping("/subscriptions/{id}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    Delivery ping(@PathVariable long id, Caller caller) {
        return webhooks.ping(manager(caller), id);
    }

    @Operation(summary = "The subscription's deliveries, newest first, with their last status code (owner)")
    @GetMapping("/subscriptions/{id}/deliveries")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    PageResponse<Delivery> deliveries(@PathVariable long id, PageRequest page, Caller caller) {
        return webhooks.deliveries(manager(caller), id, page);
    }

    @Operation(summary = "A delivery with its body and every attempt (owner)")
    @GetMapping("/deliveries/{id}")
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    DeliveryDetail delivery(@PathVariable long id, Caller caller) {
        return webhooks.delivery(manager(caller), id);
    }

    @Operation(summary = "Send a delivery again now, whatever became of it (owner)")
    @PostMapping("/deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize(Access.MANAGE_WEBHOOKS)
    Delivery redeliver(@PathVariable long id, Caller caller) {
        return webhooks.redeliver(manager(caller), id);
    }

    /**
     * The owner, or an app (a caller without a role in the store, its token's subject the app's negated id) with the scopes
     * its token holds.
     */
    private static WebhookService.Manager manager(Caller caller) {
        if (caller.role() != null) {
            return WebhookService.Manager.OWNER;
        }
        return new WebhookService.Manager(-caller.userId(), AppScopes.ofCaller());
    }
}
