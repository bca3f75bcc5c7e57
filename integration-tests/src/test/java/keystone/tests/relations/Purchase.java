package keystone.tests.relations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** An order (a class with fields), deleted with its customer. */
@Entity(table = "orders")
public class Purchase {
  @PrimaryKey(autoGenerate = true) public long id;

  @ForeignKey(entity = Customer.class, onDelete = CASCADE)
  public long userId;

  public String status;

  public Purchase() {}

  public Purchase(long id, long userId, String status) {
    this.id = id;
    this.userId = userId;
    this.status = status;
  }
}
