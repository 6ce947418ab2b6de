/** Planning: an order's operations placed on the lines in their calendars, the queues and the plan's figures; uses order, routing and line. */
package dev.kassa.production.planning;
