/** The accounts every feature of auth reads: employees, stores (the Store entity), memberships, sign-in and its throttling; uses token. */
package dev.kassa.auth.account;
