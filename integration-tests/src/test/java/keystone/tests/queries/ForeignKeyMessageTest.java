package keystone.tests.queries;

import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.stillReferenced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The PostgreSQL-shaped messages and structured violations a user sees. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ForeignKeyMessageTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  @Test
  void orphanInsertAndRestrictedDelete() {
    try (QueryDatabase db = engine.open(QueryDatabase.class, dir)) {
      QueryDao dao = db.dao();
      User ada = new User(1, "Ada", null);
      dao.insertUser(ada);

      ForeignKeyViolationException orphan =
          assertThrows(
              ForeignKeyViolationException.class,
              () -> dao.insertOrder(new Order(null, 999, "pending", 0)));
      assertEquals(
          "FOREIGN KEY constraint failed: insert or update on table \"orders\" violates foreign key"
              + " constraint \"fk_orders_user_id\": key (user_id)=(999) is not present in table"
              + " \"users\"",
          orphan.getMessage());
      assertEquals(
          List.of(
              missingParent(
                  "fk_orders_user_id", "orders", List.of("user_id"), "users", List.of("id"), 999L)),
          orphan.violations());
      assertEquals("orders", orphan.table());

      dao.insertOrder(new Order(null, 1, "paid", 10));
      ForeignKeyViolationException referenced =
          assertThrows(ForeignKeyViolationException.class, () -> dao.deleteUser(ada));
      assertEquals(
          "FOREIGN KEY constraint failed: update or delete on table \"users\" violates foreign key"
              + " constraint \"fk_orders_user_id\" on table \"orders\": key (id)=(1) is still"
              + " referenced from table \"orders\"",
          referenced.getMessage());
      assertEquals(
          List.of(
              stillReferenced(
                  "fk_orders_user_id", "orders", List.of("user_id"), "users", List.of("id"), 1L)),
          referenced.violations());
      assertEquals(List.of(ada), dao.usersByIds(List.of(1L)));
    }
  }
}
