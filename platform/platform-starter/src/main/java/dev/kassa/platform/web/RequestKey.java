package dev.kassa.platform.web;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;

/**
 * The stable name of a keyed request ({@link IdempotencyFilter}: the same on every attempt, on any instance, and different
 * for another store, caller or key), handed to a handler as a parameter like {@code Caller}: an operation that a till
 * retries keeps it with what it wrote ({@code request_key}), so running again finds its first run's work. {@link #value}
 * is null for a request without an {@code Idempotency-Key}.
 */
public record RequestKey(String value) {

    /** Supplies {@link RequestKey} parameters from what {@link IdempotencyFilter} recorded for the request. */
    public static class Resolver extends TypedArgumentResolver<RequestKey> {

        public Resolver() {
            super(RequestKey.class);
        }

        @Override
        protected RequestKey resolve(NativeWebRequest request) {
            return new RequestKey(
                    (String) request.getAttribute(IdempotencyFilter.REQUEST_KEY, RequestAttributes.SCOPE_REQUEST));
        }
    }
}
