package keystone;

/**
 * How table and column names follow from Java names when {@code @Entity(table)} or
 * {@code @Column(name)} does not say.
 *
 * <pre>{@code
 * @Database(entities = {Account.class}, naming = Naming.AS_DECLARED)   // Room's names
 * interface NotesDb extends KeystoneDatabase { ... }
 * }</pre>
 *
 * <p>{@code @Database(naming)} sets it for every entity; {@code @Entity(naming)} written on an
 * entity overrides it for that entity. An explicit {@code table} or {@code name} always wins.
 */
public enum Naming {
  /** {@code OrderItem} -> {@code order_item}, {@code userId} -> {@code user_id}: the default. */
  SNAKE_CASE,
  /** The class's simple name and the field's name as written, as Room names them. */
  AS_DECLARED
}
