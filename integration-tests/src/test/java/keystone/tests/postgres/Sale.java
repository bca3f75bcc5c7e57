package keystone.tests.postgres;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** {@code soldOn} is an ISO date in text, which both engines parse: 'YYYY-MM-DD'. */
@Entity(table = "sales")
public record Sale(
    @PrimaryKey long id,
    @ForeignKey(entity = Buyer.class) long buyerId,
    @NotNull String item,
    @NotNull String soldOn,
    long cents) {}
