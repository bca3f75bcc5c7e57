-- Planted on top of large.sql + large-data.sql + large-problems-common.sql on PostgreSQL for
-- `doctor`, each kind PostgreSQL lets exist. A key whose parent columns are not unique cannot be planted here:
-- PostgreSQL refuses that DDL (SQLSTATE 42830), so that check is tested on SQLite only.
-- 1. orphans written with the foreign-key triggers off (and so: enforcement evidently off);
SET session_replication_role = replica;
INSERT INTO reviews VALUES (10, 999, 1, 3, 'gone'), (11, 999, NULL, 2, 'gone too');
SET session_replication_role = DEFAULT;
-- 2. a key added NOT VALID over rows that break it;
CREATE TABLE vendor_products (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL);
CREATE INDEX idx_vendor_products_user_id ON vendor_products(user_id);
INSERT INTO vendor_products VALUES (1, 1), (2, 77);
ALTER TABLE vendor_products ADD CONSTRAINT fk_vendor_products_user
  FOREIGN KEY (user_id) REFERENCES users(id) NOT VALID;
-- 3. a type mismatch PostgreSQL accepts: bigint referencing integer;
CREATE TABLE shipment_notes (
  id INTEGER PRIMARY KEY,
  shipment_ref BIGINT REFERENCES shipments(id) ON DELETE CASCADE
);
CREATE INDEX idx_shipment_notes_ref ON shipment_notes(shipment_ref);
-- 4. a cycle of NOT NULL, immediate keys.
CREATE TABLE departments (id INTEGER PRIMARY KEY, head_id INTEGER NOT NULL);
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments(id)
);
ALTER TABLE departments ADD CONSTRAINT fk_departments_head
  FOREIGN KEY (head_id) REFERENCES employees(id);
CREATE INDEX idx_departments_head_id ON departments(head_id);
CREATE INDEX idx_employees_department_id ON employees(department_id);
-- 5. a key whose triggers are switched off: nothing checks it any more.
ALTER TABLE shipment_notes DISABLE TRIGGER ALL;
