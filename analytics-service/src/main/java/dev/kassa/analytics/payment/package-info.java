/**
 * Sales and refunds of a period by payment method (issue 65 point 7), the store's own methods included, read from what
 * facts records per sale; uses period.
 */
package dev.kassa.analytics.payment;
