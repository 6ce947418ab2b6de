/** Shifts (sessions) with their cash drawer, movements, closing and Z-report; uses register and payment (what lies in the drawer). */
package dev.kassa.sales.shift;
