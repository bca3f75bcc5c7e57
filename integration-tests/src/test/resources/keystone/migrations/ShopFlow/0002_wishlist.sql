-- ShopFlow 1 -> 2: nicknames, and a wishlist whose rows go with their user or product.
ALTER TABLE users ADD COLUMN nickname TEXT;

CREATE TABLE wishlist (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  CONSTRAINT fk_wishlist_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION,
  CONSTRAINT fk_wishlist_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE ON UPDATE NO ACTION
);

CREATE INDEX idx_wishlist_user_id ON wishlist (user_id);

CREATE INDEX idx_wishlist_product_id ON wishlist (product_id);
