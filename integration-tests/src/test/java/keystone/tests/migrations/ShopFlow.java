package keystone.tests.migrations;

import keystone.AutoMigration;
import keystone.Database;
import keystone.engine.KeystoneDatabase;
import keystone.tests.migrations.ShopTables.Category;
import keystone.tests.migrations.ShopTables.Order;
import keystone.tests.migrations.ShopTables.OrderItem;
import keystone.tests.migrations.ShopTables.Product;
import keystone.tests.migrations.ShopTables.User;
import keystone.tests.migrations.ShopTables.UserProfile;
import keystone.tests.migrations.ShopTables.Wish;

/**
 * ShopFlow at version 3; its earlier exports are committed under
 * {@code integration-tests/schemas/keystone.tests.migrations.ShopFlow/}, and the processor plans
 * both steps from them, for SQLite and for PostgreSQL.
 */
@Database(
    entities = {
      User.class, Category.class, Product.class, Order.class, OrderItem.class,
      UserProfile.class, Wish.class
    },
    version = 3,
    autoMigrations = {@AutoMigration(from = 1, to = 2), @AutoMigration(from = 2, to = 3)})
public interface ShopFlow extends KeystoneDatabase {}
