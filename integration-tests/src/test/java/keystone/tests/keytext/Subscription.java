package keystone.tests.keytext;

import java.math.BigDecimal;
import java.time.Duration;
import keystone.CompositeForeignKey;
import keystone.Entity;
import keystone.PrimaryKey;

@Entity(
    table = "subscriptions",
    foreignKeys = @CompositeForeignKey(entity = Plan.class, columns = {"term", "price"},
        parentColumns = {"term", "price"}, name = "fk_subscription_plan"))
public record Subscription(@PrimaryKey long id, Duration term, BigDecimal price) {}
