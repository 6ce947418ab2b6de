package dev.kassa.gateway;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

import java.util.List;

/**
 * Leaves out Spring Cloud Gateway's two filters that strip a client's {@code Forwarded} and {@code X-Forwarded-*}
 * headers from a proxied request ({@code RemoveForwardedHeadersFilter}, {@code RemoveXForwardedHeadersFilter}, made
 * while the gateway's own forwarded-header filters are off): {@link ForwardedRequestFilter} drops those headers itself
 * and writes its own in the one copy of the headers it makes, and each of the two copied every header of every call
 * again (a sixth of the gateway's allocation under load in a flight recording, with the gRPC filters that
 * {@code server.http2.enabled: false} leaves out). {@code GatewayTests} proves a client's forwarded headers still never
 * reach a service.
 */
final class SingleHeaderCopy implements BeanDefinitionRegistryPostProcessor {

    static final List<String> REDUNDANT = List.of("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter");

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : REDUNDANT) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }
}
