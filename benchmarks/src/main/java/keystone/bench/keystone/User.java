package keystone.bench.keystone;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/** The benchmark's parent table; the target of the simple CRUD operations. */
@Entity(table = "users")
public record User(
    @PrimaryKey(autoGenerate = true) long id,
    @NotNull String name,
    @NotNull @Column(unique = true) String email,
    int age) {}
