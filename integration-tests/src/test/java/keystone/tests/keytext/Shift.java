package keystone.tests.keytext;

import java.time.Instant;
import keystone.Entity;
import keystone.PrimaryKey;

/** A parent keyed by an Instant. */
@Entity(table = "shifts")
public record Shift(@PrimaryKey Instant start, String title) {}
