package keystone.tests.observe;

import java.nio.file.Path;
import java.util.List;
import keystone.testing.TestEngine;
import keystone.tests.relations.Customer;
import keystone.tests.relations.Purchase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One DAO class serves two databases whose tables are in different orders. Within one DAO any
 * consistent numbering would do; it is a DAO of the other database alone, generated against its
 * own order, whose writes the shared DAO's observers must hear.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class SharedDaoTest {
  @Parameter TestEngine engine;
  @TempDir Path dir;

  /** Both DAOs must name the same table the same way, or the observer misses the write. */
  @Test
  void theSharedDaosObserverHearsADaoOfThatDatabaseAlone() throws Exception {
    try (ReorderedDatabase db = engine.open(ReorderedDatabase.class, dir)) {
      Probe<List<Purchase>> orders = Probe.subscribe(db.dao().orders());
      orders.await(List::isEmpty);
      long ada = db.dao().insert(new Customer(0, "Ada"));
      db.reordered().insert(new Purchase(0, ada, "paid"));
      orders.await(o -> o.size() == 1);
    }
  }
}
