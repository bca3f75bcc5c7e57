package keystone.samples.shopflow;

import keystone.Column;
import keystone.Entity;
import keystone.NotNull;
import keystone.PrimaryKey;

/**
 * A customer. A record: Keystone builds it through its canonical constructor.
 *
 * <p>Orders point here with {@code ON DELETE RESTRICT}, so a customer with order history cannot be
 * deleted by accident.
 */
@Entity(table = "users")
public record User(
    @PrimaryKey(autoGenerate = true) long id,
    @NotNull String name,
    @NotNull @Column(unique = true) String email) {}
