package keystone.tests.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import keystone.tests.readme.ReadmeExample.Order;
import keystone.tests.readme.ReadmeExample.Shop;
import keystone.tests.readme.ReadmeExample.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestEngine.class)
class ReadmeExampleTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  @Test
  void doesWhatTheReadmeSays() {
    try (Shop db = engine.open(Shop.class, dir)) {
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
      // "nothing written": the whole table, not only ada's orders, still holds her one order.
      assertEquals(1L, db.query("SELECT count(*) FROM orders").get(0)[0]);
      assertThrows(ForeignKeyViolationException.class, () -> db.orders().deleteUser(ada));
      assertEquals(1, db.orders().ordersOf(ada).size());
      assertEquals(1L, db.query("SELECT count(*) FROM users").get(0)[0]);
      assertEquals(1L, db.query("SELECT count(*) FROM orders").get(0)[0]);
    }
  }
}
