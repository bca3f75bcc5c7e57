package keystone.tests.migrations;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Database;
import keystone.Entity;
import keystone.ForeignKey;
import keystone.NotNull;
import keystone.PrimaryKey;
import keystone.engine.KeystoneDatabase;

/**
 * Version 2 adds {@code signatures} under {@code guests}, by the hand-written SQL file
 * {@code keystone/migrations/Guestbook/0002_signatures.sql} on the class path (version 1 is
 * {@link SqlFileMigrationTest#VERSION_1}).
 */
@Database(entities = {Guestbook.Guest.class, Guestbook.Signature.class}, version = 2)
public interface Guestbook extends KeystoneDatabase {
  @Entity(table = "guests")
  record Guest(@PrimaryKey long id, @NotNull String name) {}

  @Entity(table = "signatures")
  record Signature(
      @PrimaryKey long id,
      @ForeignKey(entity = Guest.class, onDelete = CASCADE) long guestId,
      @NotNull String line) {}
}
