/**
 * A café's open orders (issue 65 point 4): an order (a ticket) per table or to take away, its lines taken round after round
 * and sent to the kitchen, moved, merged or split, and paid at once as a whole sale (the till's holds, checkout, receipt
 * and SaleCompleted); a waiter acts on their own orders and takes a colleague's over openly, guests' lines wait for a
 * waiter up to a limit (issue 84); owns {@code orders}, {@code order_items} and {@code order_history}; uses floor
 * (tables), kitchen (a round's tickets), catalog (what may be ordered now), till (the sale) and payment (the methods it
 * may be paid with); answers what the kitchen and the floor read of its tables ({@code kitchen.OrderLines},
 * {@code floor.TableOrders}).
 */
package dev.kassa.sales.order;
