-- Written for the keystone command's tests (PostgreSQL): one of each problem PostgreSQL lets
-- exist. A key whose parent columns are not unique cannot be planted: PostgreSQL refuses that
-- DDL (SQLSTATE 42830), so that check is tested on SQLite only.
CREATE TABLE users (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE);
CREATE TABLE addresses (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  line TEXT NOT NULL
);
CREATE INDEX idx_addresses_user_id ON addresses(user_id);
-- a RESTRICT key under a CASCADE (users -> addresses -> invoices)
CREATE TABLE invoices (
  id BIGSERIAL PRIMARY KEY,
  address_id BIGINT NOT NULL REFERENCES addresses(id) ON DELETE RESTRICT
);
CREATE INDEX idx_invoices_address_id ON invoices(address_id);
-- a key without an index
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
  what TEXT NOT NULL
);
-- a type mismatch PostgreSQL accepts: integer referencing bigint
CREATE TABLE sessions (
  id BIGSERIAL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
CREATE INDEX idx_sessions_user_id ON sessions(user_id);
-- a deferred key
CREATE TABLE payments (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  CONSTRAINT fk_payments_user FOREIGN KEY (user_id) REFERENCES users(id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_payments_user_id ON payments(user_id);
-- a cycle of NOT NULL, immediate keys
CREATE TABLE departments (id BIGSERIAL PRIMARY KEY, head_id BIGINT NOT NULL);
CREATE TABLE employees (
  id BIGSERIAL PRIMARY KEY,
  department_id BIGINT NOT NULL REFERENCES departments(id)
);
ALTER TABLE departments ADD CONSTRAINT fk_departments_head
  FOREIGN KEY (head_id) REFERENCES employees(id);
CREATE INDEX idx_departments_head_id ON departments(head_id);
CREATE INDEX idx_employees_department_id ON employees(department_id);
-- orphans: one under a key added NOT VALID, one written with triggers off
CREATE TABLE reviews (id BIGSERIAL PRIMARY KEY, user_id BIGINT NOT NULL);
CREATE INDEX idx_reviews_user_id ON reviews(user_id);
INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'bob@example.com');
INSERT INTO addresses VALUES (1, 1, 'Hauptstr. 1');
INSERT INTO invoices VALUES (1, 1);
INSERT INTO audit_log VALUES (1, 1, 'login'), (2, 1, 'logout');
INSERT INTO reviews VALUES (1, 1), (2, 999);
ALTER TABLE reviews ADD CONSTRAINT fk_reviews_user
  FOREIGN KEY (user_id) REFERENCES users(id) NOT VALID;
SET session_replication_role = replica;
INSERT INTO sessions VALUES (1, 42);
SET session_replication_role = DEFAULT;
