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
}
