-- Views over ShopFlow (seed 003), run after shopflow-seed003.sql on PostgreSQL, for the import
-- of views: a join with aggregates, simple filters (IN, LIKE, a cast, IS DISTINCT FROM), a view
-- over a view, an aggregate SQLite also has; and two that SQLite cannot run (DISTINCT ON, an
-- interval) and a materialized view, which are listed instead of imported.
CREATE VIEW user_order_totals AS
  SELECT u.id AS user_id, u.name, count(DISTINCT o.id) AS orders,
         coalesce(sum(oi.quantity * oi.price_at_purchase), 0) AS spent
  FROM users u
  LEFT JOIN orders o ON o.user_id = u.id
  LEFT JOIN order_items oi ON oi.order_id = o.id
  GROUP BY u.id, u.name;
CREATE VIEW open_orders AS
  SELECT id, user_id, status FROM orders WHERE status IN ('pending', 'paid');
CREATE VIEW cheap_products AS
  SELECT id, name, price, price::float8 / 2 AS half FROM products
  WHERE price < 10.00 AND name LIKE 's%' AND category IS DISTINCT FROM 'tools'::varchar;
CREATE VIEW big_spenders AS
  SELECT user_id, name FROM user_order_totals WHERE spent > 100;
CREATE VIEW user_name_list AS
  SELECT string_agg(name, ', ' ORDER BY name) AS names FROM users;
CREATE VIEW latest_order_per_user AS
  SELECT DISTINCT ON (user_id) user_id, id AS order_id FROM orders ORDER BY user_id, id DESC;
CREATE VIEW order_grace AS
  SELECT id, interval '14 days' AS grace FROM orders;
CREATE MATERIALIZED VIEW product_count AS SELECT count(*) AS products FROM products;
