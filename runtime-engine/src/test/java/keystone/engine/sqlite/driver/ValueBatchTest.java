package keystone.engine.sqlite.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch Android's driver and the upsert run in steps keep: {@link DriverStatement}'s batch
 * contract, which SQLite's own driver gets from sqlite-jdbc.
 */
class ValueBatchTest {
  @Test
  void eachRowKeepsTheValuesBoundWhenItWasQueued() {
    ValueBatch batch = new ValueBatch();
    Object[] values = {1L, "a"};
    batch.add(values);
    values[0] = 2L;
    values[1] = "b";
    batch.add(values);
    values[0] = 3L;

    List<String> ran = new ArrayList<>();
    long changed = batch.runEach(row -> {
      ran.add(row[0] + ":" + row[1]);
      return 1;
    });

    assertEquals(List.of("1:a", "2:b"), ran);
    assertEquals(2, changed);
  }

  @Test
  void aFailingRowStopsTheBatchAndNothingStaysQueued() {
    ValueBatch batch = new ValueBatch();
    for (long key = 1; key <= 3; key++) {
      batch.add(new Object[] {key});
    }
    List<Object> ran = new ArrayList<>();
    DriverException refused = new DriverException(787, "FOREIGN KEY constraint failed", null);

    DriverException thrown = assertThrows(DriverException.class, () -> batch.runEach(row -> {
      ran.add(row[0]);
      if (row[0].equals(2L)) {
        throw refused;
      }
      return 1;
    }));

    assertEquals(refused, thrown);
    assertEquals(List.of(1L, 2L), ran);
    assertEquals(0, batch.runEach(row -> 1), "the failed batch's rows were still queued");
  }
}
