package dev.kassa.auth.registration;

import dev.kassa.auth.account.Store;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import jakarta.validation.constraints.Size;

/**
 * The one-window registration form. Accepts both spellings the seed documents use
 * ({@code password_confirm}/{@code password2}, {@code owner_phone}/{@code phone}); only what the most
 * permissive document requires is required, everything present is validated. What needs the database (a username or a
 * slug taken), the password's rules, its confirmation, the owner's phone spelled {@code phone}, the slug's form and the
 * time zone are the domain's ({@link RegistrationService}, {@link StoreOpening}).
 */
@DomainValidated
public record RegisterRequest(
        @Required @Size(max = 150) @PrintableText String username,
        @EmailAddress String email,
        String password,
        String passwordConfirm,
        String password2,
        @Required @Size(max = 150) @PrintableText String firstName,
        @Size(max = 150) @PrintableText String lastName,
        @Size(max = 150) @PrintableText String middleName,
        @Phone String ownerPhone,
        String phone,
        @Required @Size(max = Store.NAME_LENGTH) @PrintableText String storeName,
        String storeSlug,
        @PrintableText(multiline = true) String storeDescription,
        @Size(max = Store.ADDRESS_LENGTH) @PrintableText String storeAddress,
        @Size(max = Store.PLACE_LENGTH) @PrintableText String storeCity,
        @Size(max = Store.PLACE_LENGTH) @PrintableText String storeRegion,
        @Phone @PrintableText String storePhone,
        @EmailAddress @PrintableText String storeEmail,
        @Size(max = Store.LEGAL_NAME_LENGTH) @PrintableText String storeLegalName,
        @Size(max = Store.TAX_ID_LENGTH) @PrintableText String storeTaxId,
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
}
