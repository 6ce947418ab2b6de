/** Tokens: signing keys, access and refresh tokens, revocations and their feed; uses no other feature. */
package dev.kassa.auth.token;
