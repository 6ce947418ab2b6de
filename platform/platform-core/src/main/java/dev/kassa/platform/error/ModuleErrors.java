package dev.kassa.platform.error;

import java.util.List;

/**
 * The named errors of a platform module a service turned on (imports), which the service's own packages do not hold: a
 * bean of this adds them to the service's error catalogue beside its own and the platform's.
 */
public record ModuleErrors(List<KassaError> errors) {}
