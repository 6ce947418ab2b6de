package dev.kassa.platform.discovery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The load balancer configuration of every client (gateway routes, sales' calls to catalog and customer-service): each
 * instance list skips the instances this process just failed to connect to ({@link RecentFailures}), unless that would
 * leave none; the failures are learnt from the load balancer's own completion callbacks, which the gateway's load-balancing
 * filter and the blocking load-balanced clients both call.
 */
@Configuration(proxyBeanMethods = false)
public class AvoidFailedInstances {

    /** Wraps the client's instance list (whatever Spring Cloud built: discovery, caching, …) in the filter. */
    @Bean
    static BeanPostProcessor withoutFailedInstances(ObjectProvider<RecentFailures> failures) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ServiceInstanceListSupplier supplier && !(bean instanceof Filtered)) {
                    return new Filtered(supplier, failures);
                }
                return bean;
            }
        };
    }

    @Bean
    LoadBalancerLifecycle<Object, Object, ServiceInstance> connectionFailures(ObjectProvider<RecentFailures> failures) {
        return new LoadBalancerLifecycle<>() {
            @Override
            public void onStart(Request<Object> request) {}

            @Override
            public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {}

            @Override
            public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
                Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
                if (completion.status() == CompletionContext.Status.FAILED
                        && chosen != null
                        && chosen.hasServer()
                        && RecentFailures.isConnectFailure(completion.getThrowable())) {
                    failures.ifAvailable(f -> f.connectionFailed(chosen.getServer()));
                }
            }
        };
    }

    /** The instances, without those that just refused a connection (all of them when every one did). */
    static final class Filtered extends DelegatingServiceInstanceListSupplier {
        private final ObjectProvider<RecentFailures> failures;
        /** Resolved on the first call that finds it: a bean looked up on every call cost the gateway's calls their share. */
        private volatile RecentFailures resolved;

        Filtered(ServiceInstanceListSupplier delegate, ObjectProvider<RecentFailures> failures) {
            super(delegate);
            this.failures = failures;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return getDelegate().get().map(this::usable);
        }

        @Override
        public Flux<List<ServiceInstance>> get(Request request) {
            return getDelegate().get(request).map(this::usable);
        }

        private RecentFailures recentFailures() {
            RecentFailures recent = resolved;
            if (recent == null) {
                recent = failures.getIfAvailable();
                resolved = recent;
            }
            return recent;
        }

        private List<ServiceInstance> usable(List<ServiceInstance> instances) {
            RecentFailures recent = recentFailures();
            if (recent == null || instances.size() < 2) {
                return instances;
            }
            List<ServiceInstance> usable =
                    instances.stream().filter(i -> !recent.avoid(i)).toList();
            return usable.isEmpty() ? instances : usable;
        }
    }
}
