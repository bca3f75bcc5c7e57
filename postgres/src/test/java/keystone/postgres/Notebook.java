package keystone.postgres;

import keystone.Entity;
import keystone.PrimaryKey;

@Entity(table = "notebooks")
public record Notebook(@PrimaryKey(autoGenerate = true) long id, String title) {}
