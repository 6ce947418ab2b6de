package dev.kassa.analytics.webhook;

import dev.kassa.platform.security.SecretSeal;
import dev.kassa.platform.tenancy.TenantContext;

/**
 * Keeps the subscriptions' signing secrets sealed at rest ({@link SecretSeal}, under
 * {@code kassa.webhooks.secret-encryption-key}, each bound to its store): the sender needs them back to sign, so they are
 * encrypted, not hashed. Without the setting they are stored as they are (a developer's machine);
 * {@code kassa.webhooks.require-secret-encryption} (on in the k8s profile) refuses to start then. A secret stored before
 * the key was set is sealed the next time Kassa sends with it. Kept by the subscriptions' repository, the secrets' one
 * reader and writer.
 */
final class WebhookSecrets {

    private final SecretSeal seal;

    WebhookSecrets(String base64, boolean required) {
        this.seal = new SecretSeal(
                base64,
                "kassa.webhooks.secret-encryption-key (KASSA_WEBHOOKS_SECRETENCRYPTIONKEY)",
                required,
                "the webhook signing secrets (k8s/README.md: the Secret kassa-webhook-keys)");
    }

    /** The secret as the store's row keeps it. */
    String seal(String plain) {
        return seal.seal(owner(), plain);
    }

    /** The secret from what the store's row keeps. */
    String open(String stored) {
        return seal.open(owner(), stored);
    }

    /** Whether a stored secret should be sealed now (a key is set and it is kept in plain text). */
    boolean shouldSeal(String stored) {
        return seal.enabled() && stored != null && !SecretSeal.sealed(stored);
    }

    private static String owner() {
        return "webhook-secret:" + TenantContext.require().key();
    }
}
