package keystone.engine;

/** The code of a {@link Migration}: raw SQL through {@code db.execute} and {@code db.query}. */
@FunctionalInterface
public interface MigrationBody {
  void migrate(KeystoneDatabase db);
}
