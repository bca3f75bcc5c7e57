package keystone.tests.relations;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/** A customer with profile (one-to-one, may be null) and orders three levels deep. */
public record CustomerGraph(
    @Embedded Customer customer,
    @Relation(parentColumn = "id", entityColumn = "user_id") Profile profile,
    @Relation(parentColumn = "id", entityColumn = "user_id") List<OrderGraph> orders) {}
