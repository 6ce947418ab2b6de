package dev.kassa.platform.web;

import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.KassaException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * A method of the contract that Kassa answers by design with 405 and a message saying what to do instead (a completed sale
 * is corrected by a refund, a cash movement by another movement): the error is the service's own named 405, and
 * {@code Allow} lists the methods the path does serve.
 */
public final class NotServed {

    private NotServed() {}

    /** The exception to throw, with {@code Allow} set on the response. */
    public static KassaException because(HttpServletResponse response, KassaError error, String allow) {
        if (error.status() != 405) {
            throw new IllegalArgumentException(error.code() + " is not a 405");
        }
        response.setHeader(HttpHeaders.ALLOW, allow);
        return error.exception();
    }
}
