-- Rows for the views of shopflow-views-postgres.sql.
INSERT INTO users (id, name, email) VALUES
  (1, 'Ada', 'ada@example.com'), (2, 'Bob', 'bob@example.com'), (3, 'Cy', 'cy@example.com');
INSERT INTO products (id, name, price, category) VALUES
  (1, 'saw', 12.50, 'tools'), (2, 'screw', 0.10, NULL), (3, 'spade', 9.99, 'garden'),
  (4, 'nail', 0.05, 'tools');
INSERT INTO orders (id, user_id, status) VALUES (1, 1, 'paid'), (2, 1, 'pending'),
  (3, 2, 'shipped');
INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES
  (1, 1, 10, 12.50), (2, 2, 100, 0.10), (3, 1, 1, 12.50);
SELECT setval(pg_get_serial_sequence('users', 'id'), 3);
SELECT setval(pg_get_serial_sequence('products', 'id'), 4);
SELECT setval(pg_get_serial_sequence('orders', 'id'), 3);
