-- One database per service, as infra/kassa up creates them (kassa_<module without -service>); run once by the
-- postgres image on an empty data volume (docker-entrypoint-initdb.d).
CREATE DATABASE kassa_auth;
CREATE DATABASE kassa_catalog;
CREATE DATABASE kassa_sales;
CREATE DATABASE kassa_analytics;
CREATE DATABASE kassa_task;
CREATE DATABASE kassa_customer;
CREATE DATABASE kassa_production;
