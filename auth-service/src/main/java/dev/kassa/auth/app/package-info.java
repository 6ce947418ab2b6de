/** Store apps (integrations) with their secrets and scopes; uses account and token. */
package dev.kassa.auth.app;
