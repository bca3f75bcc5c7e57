-- Rows for large.sql: every key satisfied.
INSERT INTO users (id, email, name, referred_by) VALUES
  (1, 'ada@example.com', 'Ada', NULL), (2, 'bob@example.com', 'Bob', 1),
  (3, 'cy@example.com', 'Cy', 1);
INSERT INTO countries VALUES ('DE', 'Germany'), ('FR', 'France');
INSERT INTO addresses VALUES (1, 1, 'DE', 'Hauptstr. 1'), (2, 2, 'FR', 'Rue 2');
INSERT INTO categories VALUES (1, NULL, 'uncategorized', 'Uncategorized'),
  (2, NULL, 'tools', 'Tools'), (3, 2, 'saws', 'Saws');
INSERT INTO products VALUES (1, 3, 'SAW-1', 20.0, 5), (2, 2, 'HAM-1', 10.0, 3),
  (3, 3, 'SAW-2', 30.0, 1);
INSERT INTO orders VALUES (1, 1, 1, 'paid', 50.0), (2, 2, 2, 'pending', 10.0);
INSERT INTO order_items VALUES (1, 1, 1, 1), (1, 2, 3, 1), (2, 1, 2, 1);
INSERT INTO shipments VALUES (1, 1, '2026-01-02');
INSERT INTO shipment_items VALUES (1, 1, 1), (1, 1, 2);
INSERT INTO payments VALUES (1, 1, 50.0);
INSERT INTO warehouses VALUES (1, 'Berlin', 'DE');
INSERT INTO stock_levels VALUES (1, 1, 5), (1, 2, 3);
INSERT INTO tags VALUES (1, 'sale'), (2, 'new');
INSERT INTO product_tags VALUES (1, 1), (1, 2), (3, 2);
INSERT INTO reviews VALUES (1, 1, 2, 5, 'Sharp'), (2, 1, 3, 1, 'Dull'), (3, 2, NULL, 4, NULL);
INSERT INTO coupons VALUES ('TEN', 0.1);
INSERT INTO order_coupons VALUES (1, 'TEN');
