package keystone.tests.shapes;

import keystone.DatabaseView;
import keystone.NotNull;

/** A view over a view: listed after the one it reads. */
@DatabaseView("SELECT author, posts FROM posts_per_author WHERE posts >= 2")
public record Prolific(@NotNull String author, long posts) {}
