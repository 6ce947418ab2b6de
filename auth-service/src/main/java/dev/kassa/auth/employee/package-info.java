/** A store's employees: create, change, passwords, PINs, profiles and the directory other services read; uses account and token. */
package dev.kassa.auth.employee;
