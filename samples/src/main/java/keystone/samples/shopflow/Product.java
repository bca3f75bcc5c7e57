package keystone.samples.shopflow;

import static keystone.ForeignKey.Action.SET_NULL;

import keystone.Check;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/**
 * A product for sale. A JavaBean: private fields with getters and setters.
 *
 * <p>{@code category_id} is nullable and {@code ON DELETE SET NULL}: a product outlives its
 * category and simply becomes uncategorized.
 */
@Entity(table = "products")
public class Product {
  @PrimaryKey(autoGenerate = true)
  private long id;

  @NotNull private String name;

  // Money in cents: exact, unlike a double.
  @Check("price_cents >= 0")
  private long priceCents;

  @ForeignKey(entity = Category.class, onDelete = SET_NULL)
  private Long categoryId;

  /** For Keystone, which fills the properties through the setters. */
  public Product() {}

  /** A product with every property set; {@code categoryId} may be null. */
  public Product(long id, String name, long priceCents, Long categoryId) {
    this.id = id;
    this.name = name;
    this.priceCents = priceCents;
    this.categoryId = categoryId;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public long getPriceCents() {
    return priceCents;
  }

  public void setPriceCents(long priceCents) {
    this.priceCents = priceCents;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long categoryId) {
    this.categoryId = categoryId;
  }

  @Override
  public String toString() {
    return "Product[id=" + id + ", name=" + name + ", priceCents=" + priceCents
        + ", categoryId=" + categoryId + "]";
  }
}
