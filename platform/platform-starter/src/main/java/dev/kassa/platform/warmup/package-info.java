/**
 * Warm before ready (issue 66): an instance runs its services' {@link dev.kassa.platform.warmup.HotPath hot paths} once,
 * against the warm-up store of its own database, before Kubernetes sees it ready and before it turns {@code UP} in
 * Eureka, so a new instance's first calls are not the ones that time out. Uses tenancy (the warm-up store); no feature of
 * a service.
 */
package dev.kassa.platform.warmup;
