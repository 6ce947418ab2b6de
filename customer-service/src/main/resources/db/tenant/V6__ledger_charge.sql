-- A purchase on credit is a "charge" in the ledger (spec §6 K11, "Списание"); earlier entries were written as "sale".
update customer_transactions set transaction_type = 'charge' where transaction_type = 'sale';
