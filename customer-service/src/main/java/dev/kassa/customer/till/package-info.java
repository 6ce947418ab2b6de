/** What a till asks about customers (look-up by phone, create at the till); uses card and loyalty. */
package dev.kassa.customer.till;
