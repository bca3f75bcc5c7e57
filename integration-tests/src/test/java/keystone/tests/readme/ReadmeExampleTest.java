package keystone.tests.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import keystone.engine.ForeignKeyViolationException;
import keystone.engine.Keystone;
import keystone.tests.readme.ReadmeExample.Order;
import keystone.tests.readme.ReadmeExample.Shop;
import keystone.tests.readme.ReadmeExample.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void doesWhatTheReadmeSays() {
    try (Shop db = Keystone.open(Shop.class, dir.resolve("shop.db"))) {
      long ada = db.orders().insert(new User(0, "ada@example.com"));
      db.orders().insert(new Order(0, ada, "pending"));
      ForeignKeyViolationException orphan =
          assertThrows(
              ForeignKeyViolationException.class,
              () -> db.orders().insert(new Order(0, 999, "pending")));
      assertEquals(
          "FOREIGN KEY constraint failed: insert or update on table \"orders\" violates foreign key"
              + " constraint \"fk_orders_user_id\": key (user_id)=(999) is not present in table"
              + " \"users\"",
          orphan.getMessage());
      assertThrows(ForeignKeyViolationException.class, () -> db.orders().deleteUser(ada));
      assertEquals(1, db.orders().ordersOf(ada).size());
      assertEquals(1L, db.query("SELECT count(*) FROM users").get(0)[0]);
    }
  }
}
