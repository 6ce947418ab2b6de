/** A store's own endpoints: opening another store, changing and closing one; uses account, registration and token. */
package dev.kassa.auth.store;
