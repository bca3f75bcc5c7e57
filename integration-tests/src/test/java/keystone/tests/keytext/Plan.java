package keystone.tests.keytext;

import java.math.BigDecimal;
import java.time.Duration;
import keystone.Entity;
import keystone.NotNull;

/** A parent keyed by a Duration and a BigDecimal. */
@Entity(table = "plans", primaryKey = {"term", "price"})
public record Plan(@NotNull Duration term, @NotNull BigDecimal price) {}
