package keystone.samples.shopflow;

import java.util.List;
import keystone.Embedded;
import keystone.Relation;

/**
 * A user with their profile (one-to-one, null when they have none) and their orders, each with
 * its items and each item's product: four relations over three levels, loaded by
 * {@link UserDao#usersWithOrders()} in five queries however many users there are (one more per
 * level for every further 900 keys).
 */
public record UserWithOrders(
    @Embedded User user,
    @Relation(parentColumn = "id", entityColumn = "user_id") UserProfile profile,
    @Relation(parentColumn = "id", entityColumn = "user_id") List<OrderWithItems> orders) {}
