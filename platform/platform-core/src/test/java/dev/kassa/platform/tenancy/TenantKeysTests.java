package dev.kassa.platform.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantKeysTests {

    @Test
    void derivesSchemaFromKeyReplacingHyphens() {
        assertThat(TenantKeys.schemaOf("moy-magazin_a4b3c2d1")).isEqualTo("tenant_moy_magazin");
        assertThat(TenantKeys.schemaOf("asia_market_a3f4b2c1")).isEqualTo("tenant_asia_market");
    }

    @Test
    void rejectsKeysThatCouldCarrySql() {
        assertThat(TenantKeys.isValidKey("x\"; drop schema public;--_a3f4b2c1")).isFalse();
        assertThat(TenantKeys.isValidKey("Asia_a3f4b2c1")).isFalse();
        assertThat(TenantKeys.isValidKey("asia_A3F4B2C1")).isFalse();
        assertThat(TenantKeys.isValidKey("1asia_a3f4b2c1")).isFalse();
        assertThat(TenantKeys.isValidKey(null)).isFalse();
        assertThatThrownBy(() -> TenantKeys.quotedSchema("tenant_x\"y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantKeys.quotedSchema("public")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaNamesFitPostgresIdentifierLimit() {
        String slug = "a" + "b".repeat(55);
        assertThat(TenantKeys.isValidSlug(slug)).isTrue();
        assertThat(TenantKeys.schemaForSlug(slug)).hasSizeLessThanOrEqualTo(63);
        assertThat(TenantKeys.isValidSlug(slug + "c")).isFalse();
    }
}
