package dev.kassa.platform.test;

import java.util.Map;

import static dev.kassa.platform.test.Api.json;

/** Owner registrations ({@code POST /api/users/auth/register/}) as the tests send them. */
public final class Registrations {
    private Registrations() {}

    /** The password every registered owner in the tests has. */
    public static final String PASSWORD = "SecurePass123!";

    /** The shortest valid form: a username, the password twice, a first name and the store's name. */
    public static Map<String, Object> owner(String username, String firstName, String storeName) {
        return json(
                "username",
                username,
                "password",
                PASSWORD,
                "password_confirm",
                PASSWORD,
                "first_name",
                firstName,
                "store_name",
                storeName);
    }

    /** erp-v2-registration.md, "Пример полной регистрации", verbatim but for the username and the store's slug. */
    public static Map<String, Object> fullExample(String username, String slug) {
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
                PASSWORD,
                "password_confirm",
                PASSWORD,
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
}
