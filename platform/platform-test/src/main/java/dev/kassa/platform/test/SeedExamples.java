package dev.kassa.platform.test;

import java.util.Map;

import static dev.kassa.platform.test.Api.json;

/**
 * The request examples of the user's ERP v2 documents ({@code shared/spec/seed-docs}), verbatim, for the services' own
 * tests and the end-to-end suite alike: every one must work against Kassa.
 */
public final class SeedExamples {
    private SeedExamples() {}

    /** erp-v2-registration.md, "Пример полной регистрации": an owner and their store (the username and the slug are the test's). */
    public static Map<String, Object> registration(String username, String slug) {
        return json(
                "first_name",
                "Иван",
                "last_name",
                "Петров",
                "middle_name",
                "Сергеевич",
                "owner_phone",
                "+998901234567",
                "email",
                "ivan@example.com",
                "username",
                username,
                "password",
                Registrations.PASSWORD,
                "password_confirm",
                Registrations.PASSWORD,
                "store_name",
                "Супермаркет Азия",
                "store_slug",
                slug,
                "store_description",
                "Продуктовый магазин в центре города",
                "store_address",
                "ул. Навои, д. 45",
                "store_city",
                "Ташкент",
                "store_region",
                "Ташкентская область",
                "store_phone",
                "+998712345678",
                "store_email",
                "info@asiamarket.uz",
                "store_legal_name",
                "ООО Супермаркет Азия",
                "store_tax_id",
                "123456789");
    }

    /** erp-v2-api.md 1.1: a registration with {@code password2} and {@code phone} (the username is the test's). */
    public static Map<String, Object> apiRegistration(String username) {
        return json(
                "username",
                username,
                "email",
                "test@example.com",
                "password",
                "TestPass123!",
                "password2",
                "TestPass123!",
                "first_name",
                "Test",
                "last_name",
                "User",
                "store_name",
                "Test Store",
                "phone",
                "+998901234567");
    }

    /** erp-v2-api.md 2.2: a product. */
    public static Map<String, Object> product() {
        return json(
                "name",
                "iPhone 14 Pro",
                "sku",
                "IPHONE-14-PRO",
                "barcode",
                "1234567890123",
                "description",
                "Latest iPhone model",
                "cost_price",
                50000,
                "sale_price",
                75000,
                "wholesale_price",
                65000,
                "tax_rate",
                12,
                "unit",
                "pcs");
    }

    /** erp-v2-api.md 5.1: a task, assigned to {@code employee} and due at {@code due} (the document's date is past). */
    public static Map<String, Object> task(long employee, String due) {
        return json(
                "title",
                "Проверить остатки товара",
                "description",
                "Провести инвентаризацию склада",
                "priority",
                "high",
                "category",
                "inventory",
                "assigned_to",
                employee,
                "due_date",
                due);
    }

    /** erp-v2-api.md 6.2: a customer. */
    public static Map<String, Object> customer() {
        return json(
                "name",
                "Test Customer",
                "phone",
                "+998901234567",
                "email",
                "customer@example.com",
                "address",
                "Tashkent, Uzbekistan");
    }
}
