package keystone.samples.blog;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;

/** A post. Every post has an author (NOT NULL), and goes away with its author. */
@Entity(table = "posts")
public record Post(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Author.class, onDelete = CASCADE) long authorId,
    @NotNull String title,
    String body) {}
