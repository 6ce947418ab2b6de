/** Shifts (sessions) with their cash drawer, movements, closing and Z-report; uses register. */
package dev.kassa.sales.shift;
