/** The service's security wiring; uses token. */
package dev.kassa.auth.system;
