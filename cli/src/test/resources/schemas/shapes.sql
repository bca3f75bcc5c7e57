-- The shapes SQLite allows that Keystone describes with @Column(sqliteType, nullableKey),
-- @Index(constraint) and @DatabaseView, as a Cloudflare D1 or hand-made file has them:
-- a nullable TEXT key, NUMERIC-affinity columns (NUMERIC, DECIMAL, BOOLEAN, DATE, DATETIME,
-- UUID), a composite UNIQUE table constraint, a composite key with a nullable column, a view.
CREATE TABLE shops (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  opened DATE,
  token UUID,
  created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
  closed DATE
);
CREATE TABLE products (
  shop_id TEXT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
  sku TEXT,
  price NUMERIC NOT NULL,
  weight DECIMAL(10, 2),
  active BOOLEAN NOT NULL DEFAULT 1,
  PRIMARY KEY (shop_id, sku)
);
CREATE TABLE stock (
  id INTEGER PRIMARY KEY,
  shop_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  bin TEXT NOT NULL,
  UNIQUE (shop_id, sku, bin),
  FOREIGN KEY (shop_id, sku) REFERENCES products(shop_id, sku) ON DELETE CASCADE
);
CREATE INDEX idx_stock_shop_sku ON stock(shop_id, sku);
CREATE VIEW shop_bins AS
  SELECT s.name AS shop, count(k.id) AS bins
  FROM shops s LEFT JOIN stock k ON k.shop_id = s.id
  GROUP BY s.id;
INSERT INTO shops VALUES
  ('s1', 'North', '2024-05-01', '0f8fad5b-d9cb-469f-a165-70867728950e', '2024-05-01 10:00:00',
   '05/01/2025');
INSERT INTO shops (id, name) VALUES ('s2', 'South');
INSERT INTO products VALUES ('s1', 'A-1', 12.5, 1.25, 1), ('s1', 'B-2', 3, NULL, 0);
INSERT INTO stock VALUES (1, 's1', 'A-1', 'left'), (2, 's1', 'A-1', 'right');
