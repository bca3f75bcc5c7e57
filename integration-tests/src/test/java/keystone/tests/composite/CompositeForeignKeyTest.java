package keystone.tests.composite;

import static keystone.tests.Db.missingParent;
import static keystone.tests.Db.stillReferenced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import keystone.engine.ForeignKeyViolationException;
import keystone.testing.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Foreign keys over two columns: every column must match, and a NULL in any exempts the row. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class CompositeForeignKeyTest {
  private static final Warehouse EU1 = new Warehouse("eu", 1, "Dublin");
  private static final Warehouse EU2 = new Warehouse("eu", 2, "Lyon");
  private static final Warehouse US1 = new Warehouse("us", 1, "Reno");

  @Parameter TestEngine engine;
  @TempDir Path dir;
  private CompositeDatabase db;
  private CompositeDao dao;

  @BeforeEach
  void open() {
    db = engine.open(CompositeDatabase.class, dir);
    dao = db.dao();
    dao.insertWarehouses(List.of(EU1, EU2, US1));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void orphanNamesEveryColumnAndValueOfTheKey() {
    // ("eu", 7) and ("us", 2) are orphans although each value exists in some warehouse.
    ForeignKeyViolationException e =
        assertThrows(
            ForeignKeyViolationException.class, () -> dao.insertBin(new Bin(1, "eu", 7, "x")));
    assertEquals(
        List.of(
            missingParent(
                "fk_bins_region_warehouse_code",
                "bins",
                List.of("region", "warehouse_code"),
                "warehouses",
                List.of("region", "code"),
                "eu",
                7L)),
        e.violations());
    assertEquals(
        "FOREIGN KEY constraint failed: insert or update on table \"bins\" violates foreign key"
            + " constraint \"fk_bins_region_warehouse_code\": key (region, warehouse_code)=(eu, 7)"
            + " is not present in table \"warehouses\"",
        e.getMessage());
    assertThrows(ForeignKeyViolationException.class, () -> dao.insertBin(new Bin(2, "us", 2, "y")));
    assertEquals(List.of(), dao.bins());
  }

  @Test
  void deleteCascadesOnlyToTheMatchingPair() {
    dao.insertBin(new Bin(1, "eu", 1, "a"));
    dao.insertBin(new Bin(2, "eu", 2, "b"));
    dao.insertBin(new Bin(3, "us", 1, "c"));
    assertEquals(1, dao.delete(EU1));
    assertEquals(List.of(new Bin(2, "eu", 2, "b"), new Bin(3, "us", 1, "c")), dao.bins());
  }

  @Test
  void updateCascadesTheChangedColumn() {
    dao.insertBin(new Bin(1, "eu", 1, "a"));
    dao.insertBin(new Bin(3, "us", 1, "c"));
    assertEquals(1, dao.changeCode("eu", 1, 9));
    assertEquals(List.of(new Bin(1, "eu", 9, "a"), new Bin(3, "us", 1, "c")), dao.bins());
  }

  @Test
  void namedRestrictKeyReportsParentColumnsAndKey() {
    dao.insertShelf(new Shelf(1, "eu", 2));
    ForeignKeyViolationException e =
        assertThrows(ForeignKeyViolationException.class, () -> dao.delete(EU2));
    assertEquals(
        List.of(
            stillReferenced(
                "fk_shelf_home",
                "shelves",
                List.of("home_region", "home_code"),
                "warehouses",
                List.of("region", "code"),
                "eu",
                2L)),
        e.violations());
    assertEquals(
        "FOREIGN KEY constraint failed: update or delete on table \"warehouses\" violates foreign"
            + " key constraint \"fk_shelf_home\" on table \"shelves\": key (region, code)=(eu, 2)"
            + " is still referenced from table \"shelves\"",
        e.getMessage());
    assertThrows(ForeignKeyViolationException.class, () -> dao.changeCode("eu", 2, 5));
    assertEquals(List.of(EU1, EU2, US1), dao.warehouses());
  }

  @Test
  void aNullInAnyColumnExemptsTheRow() {
    dao.insertShelf(new Shelf(1, null, 99));
    dao.insertShelf(new Shelf(2, "nowhere", null));
    assertEquals(List.of(new Shelf(1, null, 99), new Shelf(2, "nowhere", null)), dao.shelves());
    assertEquals(List.of(), db.checkForeignKeys());
  }
}
