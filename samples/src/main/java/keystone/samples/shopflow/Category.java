package keystone.samples.shopflow;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A product category. A class with public fields and a no-argument constructor. */
@Entity(table = "categories")
public class Category {
  @PrimaryKey(autoGenerate = true)
  public long id;

  @NotNull
  @Column(unique = true)
  public String name;

  // The URL-friendly form of the name; unique so links stay unambiguous.
  @NotNull
  @Column(unique = true)
  public String slug;

  /** For Keystone, which fills the fields after construction. */
  public Category() {}

  /** A category with every field set. */
  public Category(long id, String name, String slug) {
    this.id = id;
    this.name = name;
    this.slug = slug;
  }

  @Override
  public String toString() {
    return "Category[id=" + id + ", name=" + name + ", slug=" + slug + "]";
  }
}
