/**
 * The store's payment methods (issue 65 point 7): the built-in ones and the store's own, each enabled or not and counted in
 * the drawer or not; owns {@code payment_methods}; uses no other feature (checkout, refunds and shifts read it).
 */
package dev.kassa.sales.payment;
