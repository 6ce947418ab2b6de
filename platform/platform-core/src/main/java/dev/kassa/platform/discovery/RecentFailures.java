package dev.kassa.platform.discovery;

import org.springframework.cloud.client.ServiceInstance;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The instances this process could not connect to lately. A connection refused or not made in time means the call never
 * reached the instance (it is gone, or not yet listening), so the load balancer skips it for
 * {@code kassa.discovery.avoid-failed-for} (3 s) instead of sending every other call there until the registry notices
 * (seconds with Eureka's short leases, 35-45 s with its defaults). A call that may have reached the instance (a reset or a
 * timeout after the request was sent) says nothing of the kind and is not counted.
 */
public class RecentFailures {

    private final Duration avoidFor;
    private final Clock clock;
    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    public RecentFailures(Duration avoidFor, Clock clock) {
        this.avoidFor = avoidFor;
        this.clock = clock;
    }

    /** Remembers that a connection to the instance could not be made. */
    public void connectionFailed(ServiceInstance instance) {
        failedAt.put(key(instance), clock.millis());
    }

    /** Whether a connection to the instance failed within the avoidance period. */
    public boolean avoid(ServiceInstance instance) {
        Long at = failedAt.get(key(instance));
        if (at == null) {
            return false;
        }
        if (clock.millis() - at < avoidFor.toMillis()) {
            return true;
        }
        failedAt.remove(key(instance), at);
        return false;
    }

    /** Whether a failure says that no connection was made: refused, unreachable or not made in time. */
    public static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof HttpConnectTimeoutException
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isConnectFailure} as a resilience4j retry predicate ({@code retry-exception-predicate}). */
    public static final class ConnectFailure implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return isConnectFailure(failure);
        }
    }

    private static String key(ServiceInstance instance) {
        return instance.getServiceId() + "@" + instance.getHost() + ":" + instance.getPort();
    }
}
