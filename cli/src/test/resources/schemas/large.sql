-- A larger schema written for the keystone command's tests (not from an article): 17 tables and
-- 22 foreign keys, with composite and self-referencing keys, all five actions, deferred keys,
-- TEXT keys, a WITHOUT ROWID table, a partial index, a view and a trigger. Every key is indexed
-- and no RESTRICT key sits under a CASCADE, so `doctor` finds nothing but the deferred keys.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name VARCHAR(80) NOT NULL,
  referred_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_users_referred_by ON users(referred_by);
CREATE TABLE countries (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  country_code TEXT NOT NULL REFERENCES countries(code) ON UPDATE CASCADE,
  line TEXT NOT NULL
);
CREATE INDEX idx_addresses_user_id ON addresses(user_id);
CREATE INDEX idx_addresses_country_code ON addresses(country_code);
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id) ON DELETE CASCADE,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
CREATE INDEX idx_categories_parent_id ON categories(parent_id);
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  category_id INTEGER DEFAULT 1 REFERENCES categories(id) ON DELETE SET DEFAULT,
  sku TEXT NOT NULL UNIQUE,
  price REAL NOT NULL CHECK (price >= 0),
  stock INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_products_category_id ON products(category_id);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  address_id INTEGER REFERENCES addresses(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped')),
  total REAL NOT NULL DEFAULT 0
);
CREATE INDEX idx_orders_user_id ON orders(user_id);
CREATE INDEX idx_orders_address_id ON orders(address_id);
CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX idx_order_items_product_id ON order_items(product_id);
CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  shipped_at TEXT
);
CREATE INDEX idx_shipments_order_id ON shipments(order_id);
CREATE TABLE shipment_items (
  shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  PRIMARY KEY (shipment_id, order_id, line_no),
  CONSTRAINT fk_shipment_items_line FOREIGN KEY (order_id, line_no)
    REFERENCES order_items(order_id, line_no) ON DELETE CASCADE
);
CREATE INDEX idx_shipment_items_line ON shipment_items(order_id, line_no);
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  amount REAL NOT NULL,
  CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders(id)
    ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_payments_order_id ON payments(order_id);
CREATE TABLE warehouses (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  country_code TEXT NOT NULL REFERENCES countries(code)
);
CREATE INDEX idx_warehouses_country_code ON warehouses(country_code);
CREATE TABLE stock_levels (
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (warehouse_id, product_id)
);
CREATE INDEX idx_stock_levels_product_id ON stock_levels(product_id);
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE product_tags (
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, tag_id)
);
CREATE INDEX idx_product_tags_tag_id ON product_tags(tag_id);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT
);
CREATE INDEX idx_reviews_product_id ON reviews(product_id);
CREATE INDEX idx_reviews_user_id ON reviews(user_id);
CREATE INDEX idx_reviews_low ON reviews(product_id) WHERE rating <= 2;
CREATE TABLE coupons (
  code TEXT NOT NULL PRIMARY KEY,
  discount REAL NOT NULL,
  CHECK (discount > 0 AND discount < 1)
);
CREATE TABLE order_coupons (
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,
  coupon_code TEXT NOT NULL REFERENCES coupons(code) ON DELETE RESTRICT ON UPDATE CASCADE,
  PRIMARY KEY (order_id, coupon_code)
);
CREATE INDEX idx_order_coupons_coupon_code ON order_coupons(coupon_code);
CREATE VIEW order_totals AS
  SELECT o.id, sum(p.price * i.quantity) AS total
  FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
  GROUP BY o.id;
CREATE TRIGGER products_stock_never_negative BEFORE UPDATE OF stock ON products
  WHEN NEW.stock < 0 BEGIN SELECT RAISE(ABORT, 'stock below zero'); END;
