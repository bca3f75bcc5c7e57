package keystone.tests.shapes;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

@Entity(table = "posts")
public record Post(
    @PrimaryKey long id,
    @ForeignKey(entity = Author.class, onDelete = CASCADE) long authorId,
    @NotNull String title,
    long likes) {}
