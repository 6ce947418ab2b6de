package dev.kassa.auth.registration;

/**
 * The one-window registration form. Accepts both spellings the seed documents use
 * ({@code password_confirm}/{@code password2}, {@code owner_phone}/{@code phone}); only what the most
 * permissive document requires is required, everything present is validated.
 */
public record RegisterRequest(
        String username,
        String email,
        String password,
        String passwordConfirm,
        String password2,
        String firstName,
        String lastName,
        String middleName,
        String ownerPhone,
        String phone,
        String storeName,
        String storeSlug,
        String storeDescription,
        String storeAddress,
        String storeCity,
        String storeRegion,
        String storePhone,
        String storeEmail,
        String storeLegalName,
        String storeTaxId,
        String storeTimeZone) {

    String confirmation() {
        return passwordConfirm != null ? passwordConfirm : password2;
    }

    String confirmationField() {
        return passwordConfirm != null || password2 == null ? "password_confirm" : "password2";
    }

    String ownerPhoneValue() {
        return ownerPhone != null ? ownerPhone : phone;
    }

    String ownerPhoneField() {
        return ownerPhone != null || phone == null ? "owner_phone" : "phone";
    }
}
