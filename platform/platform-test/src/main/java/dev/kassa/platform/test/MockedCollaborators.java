package dev.kassa.platform.test;

import org.mockito.MockMakers;
import org.mockito.Mockito;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * In a {@link KassaWebTest}, every collaborator of the service's own web beans (controllers, advice, argument
 * resolvers) that the slice does not hold is a Mockito mock, so a slice of all controllers starts without naming their
 * services one by one. A test that wants behaviour from one declares it as a {@code @MockitoBean}, which replaces the
 * mock; a refusal the web layer makes is proven by no collaborator being called ({@link #called}). Mocks are reset
 * after each test, as {@code @MockitoBean}s are.
 */
public final class MockedCollaborators implements BeanDefinitionRegistryPostProcessor {

    private static final String PREFIX = "kassa.mocked.";

    MockedCollaborators() {}

    /** The mocked collaborators the test has called so far, by type: empty when the web layer stopped every request. */
    public static List<String> called(ApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> name.startsWith(PREFIX))
                .filter(name -> !Mockito.mockingDetails(context.getBean(name))
                        .getInvocations()
                        .isEmpty())
                .map(name -> name.substring(PREFIX.length()))
                .toList();
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory factory) || !AutoConfigurationPackages.has(factory)) {
            return;
        }
        List<String> packages = AutoConfigurationPackages.get(factory);
        ClassLoader loader = factory.getBeanClassLoader();
        List<Class<?>> needed = new ArrayList<>();
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            String className = definition.getBeanClassName();
            if (className == null
                    || definition.getFactoryMethodName() != null
                    || packages.stream().noneMatch(p -> className.startsWith(p + "."))) {
                continue;
            }
            Constructor<?> constructor =
                    BeanUtils.getResolvableConstructor(ClassUtils.resolveClassName(className, loader));
            for (Class<?> type : constructor.getParameterTypes()) {
                if (mockable(type)
                        && factory.getBeanNamesForType(type, true, false).length == 0
                        && !needed.contains(type)) {
                    needed.add(type);
                }
            }
        }
        for (Class<?> type : needed) {
            registry.registerBeanDefinition(PREFIX + type.getName(), mock(type));
        }
    }

    private static <T> RootBeanDefinition mock(Class<T> type) {
        return new RootBeanDefinition(type, (Supplier<T>) () -> Mockito.mock(
                type,
                MockReset.withSettings(MockReset.AFTER)
                        .mockMaker(Modifier.isFinal(type.getModifiers()) ? MockMakers.INLINE : MockMakers.SUBCLASS)));
    }

    /** Plain values, containers and lazy lookups are the framework's to resolve, not a collaborator to mock. */
    private static boolean mockable(Class<?> type) {
        return !type.isPrimitive()
                && !type.isArray()
                && type != String.class
                && !Collection.class.isAssignableFrom(type)
                && !Map.class.isAssignableFrom(type)
                && type != Optional.class
                && !type.getName().startsWith("org.springframework.beans.factory.");
    }
}
