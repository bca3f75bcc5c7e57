package keystone.tests.observe;

import java.nio.file.Path;
import java.util.List;
import keystone.testing.TestEngine;
import keystone.tests.relations.Customer;
import keystone.tests.relations.Item;
import keystone.tests.relations.Product;
import keystone.tests.relations.Purchase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One DAO class serves two databases whose tables are in different orders: each database's
 * observers hear the writes made through it, cascades included.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class SharedDaoTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  @Test
  void theReorderedDatabaseHearsItsOwnWrites() throws Exception {
    try (ReorderedDatabase db = engine.open(ReorderedDatabase.class, dir)) {
      writesAreHeard(db.dao());
    }
  }

  @Test
  void theFirstDatabaseStillHearsItsOwnWrites() throws Exception {
    try (ObserveDatabase db = engine.open(ObserveDatabase.class, dir)) {
      writesAreHeard(db.dao());
    }
  }

  private static void writesAreHeard(ObserveDao dao) throws Exception {
    Probe<List<Purchase>> orders = Probe.subscribe(dao.orders());
    Probe<Long> items = Probe.subscribe(dao.itemCount());
    orders.await(List::isEmpty);
    items.await(n -> n == 0);

    long ada = dao.insert(new Customer(0, "Ada"));
    long order = dao.insert(new Purchase(0, ada, "paid"));
    dao.insert(new Item(0, order, dao.insert(new Product(0, "p")), 1));
    orders.await(o -> o.size() == 1);
    items.await(n -> n == 1);

    dao.delete(new Customer(ada, "Ada"));
    orders.await(List::isEmpty);
    items.await(n -> n == 0);
  }
}
