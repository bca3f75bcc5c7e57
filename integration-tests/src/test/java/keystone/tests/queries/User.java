package keystone.tests.queries;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "users")
public record User(
    @PrimaryKey(autoGenerate = true) long id,
    @NotNull String name,
    @Column(unique = true) String email) {}
