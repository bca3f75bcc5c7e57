-- Planted on top of large.sql + large-data.sql + large-problems-common.sql for `doctor` on
-- SQLite, run with PRAGMA foreign_keys off as SQLite's own default is (how orphans get in):
-- 1. orphans: two reviews of product 999 (and so: enforcement evidently off);
INSERT INTO reviews VALUES (10, 999, 1, 3, 'gone'), (11, 999, NULL, 2, 'gone too');
-- 2. a foreign-key mismatch: vendors.code is neither primary key nor unique;
CREATE TABLE vendors (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
CREATE TABLE vendor_products (
  id INTEGER PRIMARY KEY,
  vendor_code TEXT REFERENCES vendors(code)
);
CREATE INDEX idx_vendor_products_vendor_code ON vendor_products(vendor_code);
-- 3. a type mismatch: a TEXT column referencing an INTEGER key;
CREATE TABLE shipment_notes (
  id INTEGER PRIMARY KEY,
  shipment_ref TEXT REFERENCES shipments(id) ON DELETE CASCADE
);
CREATE INDEX idx_shipment_notes_ref ON shipment_notes(shipment_ref);
-- 4. a cycle of NOT NULL, immediate keys: no row of either table can be inserted first.
CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  head_id INTEGER NOT NULL REFERENCES employees(id)
);
CREATE INDEX idx_departments_head_id ON departments(head_id);
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments(id)
);
CREATE INDEX idx_employees_department_id ON employees(department_id);
