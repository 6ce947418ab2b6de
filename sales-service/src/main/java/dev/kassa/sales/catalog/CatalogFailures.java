package dev.kassa.sales.catalog;

import dev.kassa.platform.discovery.RecentFailures;
import dev.kassa.platform.error.KassaException;

import java.net.SocketTimeoutException;
import java.util.function.Predicate;

/** How a call to catalog failed, as {@link CatalogClient}'s breaker and retry tell a business answer from a fault. */
public final class CatalogFailures {

    private CatalogFailures() {}

    /**
     * Which failures are worth a second attempt: a refused or reset connection (another instance may answer). A
     * timed-out call is not retried: catalog is busy, and a second attempt would only double its work.
     */
    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // no connection was made (refused, or not in time: HttpClient 5's ConnectTimeoutException is a
            // SocketTimeoutException
            // too): nothing was sent, another instance may answer
            if (RecentFailures.isConnectFailure(t)) {
                return true;
            }
            // the client's read timeout: catalog is busy, and a second attempt would only double its work
            if (t instanceof SocketTimeoutException) {
                return false;
            }
            if (t instanceof CatalogRejected) {
                return false;
            }
        }
        return true;
    }

    /** The retry's predicate ({@code resilience4j.retry.instances.catalog.retry-exception-predicate}): see {@link #retryable}. */
    public static final class Retryable implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return retryable(failure);
        }
    }

    /** A 4xx from catalog: a business answer, not a failure of the dependency. */
    static final class CatalogRejected extends RuntimeException {
        private final transient KassaException error;

        CatalogRejected(KassaException error) {
            super(error.code(), null, false, false);
            this.error = error;
        }

        KassaException error() {
            return error;
        }
    }
}
