package keystone.tests.relations;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/** A class-shaped result: fields set after construction, relations included. */
public class CustomerOrders {
  @Embedded public Customer customer;

  @Relation(parentColumn = "id", entityColumn = "user_id")
  public List<Purchase> orders;
}
