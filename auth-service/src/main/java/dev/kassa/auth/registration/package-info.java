/** Registering an owner with a first store in one form; uses account, employee and token. */
package dev.kassa.auth.registration;
