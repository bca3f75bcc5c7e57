package keystone.samples.shopflow;

import java.util.List;
import keystone.Dao;
import keystone.Delete;
import keystone.Insert;
import keystone.Query;

/** Categories and products. */
@Dao
public interface CatalogDao {
  @Insert
  long insertCategory(Category category);

  @Insert
  List<Long> insertProducts(List<Product> products);

  @Delete
  int deleteCategory(Category category);

  @Query("SELECT * FROM categories ORDER BY id")
  List<Category> categories();

  @Query("SELECT * FROM products WHERE id IN (:ids) ORDER BY id")
  List<Product> productsByIds(List<Long> ids);

  @Query("SELECT * FROM products WHERE category_id IS NULL ORDER BY id")
  List<Product> uncategorized();
}
