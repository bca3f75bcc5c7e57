package keystone.tests.composite;

import java.util.List;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;

@Dao
public interface CompositeDao {
  @Insert
  void insertWarehouses(List<Warehouse> warehouses);

  @Insert
  void insertBin(Bin bin);

  @Insert
  void insertShelf(Shelf shelf);

  @Delete
  int delete(Warehouse warehouse);

  @Query("UPDATE warehouses SET code = :newCode WHERE region = :region AND code = :code")
  int changeCode(String region, int code, int newCode);

  @Query("SELECT * FROM bins ORDER BY id")
  List<Bin> bins();

  @Query("SELECT * FROM shelves ORDER BY id")
  List<Shelf> shelves();

  @Query("SELECT * FROM warehouses ORDER BY region, code")
  List<Warehouse> warehouses();
}
