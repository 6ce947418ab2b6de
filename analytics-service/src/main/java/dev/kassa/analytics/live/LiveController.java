package dev.kassa.analytics.live;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The store's sales as they happen, as Server-Sent Events (owners and managers). */
@RestController
class LiveController {

    private final LiveFeed feed;

    LiveController(LiveFeed feed) {
        this.feed = feed;
    }

    @Operation(
            summary =
                    "Server-Sent Events: ready, then a sale or refund event per completed sale or refund of the store within a "
                            + "second (receipt_number, total, cashier_id, cashier_name, at), a heartbeat comment every 15 s, and end when the token expires "
                            + "or is revoked; up to 16 open per store and instance by default, then 429 too_many_streams")
    @GetMapping(
            path = {"/api/analytics/live"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    SseEmitter live(@AuthenticationPrincipal Jwt token) {
        return feed.open(TenantContext.require().key(), token);
    }
}
