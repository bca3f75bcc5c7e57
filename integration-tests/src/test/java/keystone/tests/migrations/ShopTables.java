package keystone.tests.migrations;

import static keystone.ForeignKey.Action.CASCADE;
import static keystone.ForeignKey.Action.RESTRICT;
import static keystone.ForeignKey.Action.SET_NULL;

import keystone.Check;
import keystone.Column;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.Index;
import keystone.NotNull;
import keystone.PrimaryKey;

/**
 * ShopFlow (samples' {@code ShopDatabase}, whose version 1 this copies table for table) at version
 * 3. Version 2 added {@code users.nickname} and the {@code wishlist} table; version 3 makes
 * deleting a user delete their orders ({@code orders.user_id} ON DELETE RESTRICT becomes
 * CASCADE), which on SQLite rebuilds {@code orders}, the parent of the CASCADE children
 * {@code order_items}, and on PostgreSQL drops the key and adds it again.
 */
final class ShopTables {
  private ShopTables() {}

  @Entity(table = "users")
  record User(
      @PrimaryKey(autoGenerate = true) long id,
      @NotNull String name,
      @NotNull @Column(unique = true) String email,
      String nickname) {}

  @Entity(table = "categories")
  record Category(
      @PrimaryKey(autoGenerate = true) long id,
      @NotNull @Column(unique = true) String name,
      @NotNull @Column(unique = true) String slug) {}

  @Entity(table = "products")
  record Product(
      @PrimaryKey(autoGenerate = true) long id,
      @NotNull String name,
      @Check("price_cents >= 0") long priceCents,
      @ForeignKey(entity = Category.class, onDelete = SET_NULL) Long categoryId) {}

  @Entity(table = "orders")
  record Order(
      @PrimaryKey(autoGenerate = true) long id,
      @ForeignKey(entity = User.class, onDelete = CASCADE, onUpdate = CASCADE) long userId,
      @NotNull @Column(defaultValue = "'pending'") String status) {}

  @Entity(
      table = "order_items",
      indices =
          @Index(
              name = "uq_order_items_order_id_product_id",
              columns = {"order_id", "product_id"},
              unique = true))
  record OrderItem(
      @PrimaryKey(autoGenerate = true) long id,
      @ForeignKey(entity = Order.class, onDelete = CASCADE, onUpdate = CASCADE) long orderId,
      @ForeignKey(entity = Product.class, onDelete = RESTRICT, onUpdate = CASCADE) long productId,
      @Check("quantity > 0") int quantity,
      @Check("price_at_purchase_cents >= 0") long priceAtPurchaseCents) {}

  @Entity(table = "user_profiles")
  record UserProfile(
      @PrimaryKey @ForeignKey(entity = User.class, onDelete = CASCADE, onUpdate = CASCADE)
          long userId,
      String bio,
      String avatarUrl,
      String location) {}

  @Entity(table = "wishlist")
  record Wish(
      @PrimaryKey(autoGenerate = true) long id,
      @ForeignKey(entity = User.class, onDelete = CASCADE) long userId,
      @ForeignKey(entity = Product.class, onDelete = CASCADE) long productId) {}
}
