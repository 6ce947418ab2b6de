-- A completed hold keeps its buyer's name and phone as the sale had them (SaleCompleted): a batch's trace names whom a
-- recall must call without asking customer-service, and names them as they were when they bought.
alter table reservations add column customer_name varchar(255), add column customer_phone varchar(30);
