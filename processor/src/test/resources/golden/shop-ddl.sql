CREATE TABLE categories (
  slug TEXT NOT NULL PRIMARY KEY,
  title TEXT,
  visible INTEGER NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  status TEXT DEFAULT 'active',
  age INTEGER
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  total REAL NOT NULL CHECK (total >= 0),
  paid INTEGER NOT NULL,
  receipt BLOB,
  CHECK (total >= 0),
  CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE TABLE order_item (
  order_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  sku TEXT NOT NULL,
  "order" INTEGER NOT NULL DEFAULT 1,
  category TEXT,
  PRIMARY KEY (order_id, line),
  CHECK ("order" > 0),
  CONSTRAINT fk_order_item_category FOREIGN KEY (category) REFERENCES categories (slug) ON DELETE SET NULL ON UPDATE NO ACTION,
  CONSTRAINT fk_order_item_order_id FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX idx_orders_user_id ON orders (user_id);

CREATE UNIQUE INDEX idx_order_item_sku_line ON order_item (sku, line);

CREATE INDEX idx_order_item_category ON order_item (category);

