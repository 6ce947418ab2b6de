package dev.kassa.sales.floor;

/**
 * What the floor asks of the orders taken at its tables: the order feature owns them ({@code orders}) and answers (it
 * depends on the floor, so the floor asks through this), inside the caller's transaction.
 */
public interface TableOrders {

    /** Whether an order was ever taken at the table (then it is only switched off: its orders name it). */
    boolean anyAt(long tableId);
}
