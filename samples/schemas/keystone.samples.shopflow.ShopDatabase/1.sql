-- identityHash: faecaae555da36857090fc4406667e979d8b606bcd49f2afcec7d9f3d70b68ff
-- keystone.samples.shopflow.ShopDatabase, version 1, as Keystone runs it

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE
);

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  category_id INTEGER,
  CONSTRAINT fk_products_category_id FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL ON UPDATE NO ACTION
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  placed_at INTEGER NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  price_at_purchase_cents INTEGER NOT NULL CHECK (price_at_purchase_cents >= 0),
  CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT fk_order_items_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE user_profiles (
  user_id INTEGER NOT NULL PRIMARY KEY,
  bio TEXT,
  avatar_url TEXT,
  location TEXT,
  CONSTRAINT fk_user_profiles_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX idx_products_category_id ON products (category_id);

CREATE INDEX idx_orders_user_id ON orders (user_id);

CREATE UNIQUE INDEX uq_order_items_order_id_product_id ON order_items (order_id, product_id);

CREATE INDEX idx_order_items_product_id ON order_items (product_id);
