package keystone.processor;

import static keystone.processor.Rules.entity;

import javax.tools.JavaFileObject;

/**
 * A schema with every column type, every key shape (identity, single, composite, self-reference,
 * a cycle, a unique column and a unique index as parents), every action, both deferrals, and
 * names PostgreSQL must quote (a reserved word, mixed case), declared children first.
 */
final class EveryShape {
  private EveryShape() {}

  static final JavaFileObject ALL_TYPES = entity("AllTypes",
      "@Entity(table = \"all_types\", checks = \"a_short >= 0\")",
      "  public enum Kind { A, B }",
      "  @PrimaryKey(autoGenerate = true) long id;",
      "  int anInt;",
      "  Integer boxedInt;",
      "  short aShort;",
      "  Short boxedShort;",
      "  byte aByte;",
      "  Byte boxedByte;",
      "  @Column(defaultValue = \"1\") boolean flag;",
      "  @Column(defaultValue = \"0\") Boolean maybe;",
      "  @Check(\"a_double >= 0\") double aDouble;",
      "  Double boxedDouble;",
      "  float aFloat;",
      "  Float boxedFloat;",
      "  @NotNull @Column(defaultValue = \"'x'\") String text;",
      "  @Column(defaultValue = \"X'00ff'\") byte[] blob;",
      "  @Column(defaultValue = \"'A'\") Kind kind;",
      "  @Column(unique = true) String code;",
      "  @Column(name = \"MixedCase\") @Check(\"\\\"MixedCase\\\" >= 0\") int mixed;",
      "  @Column(name = \"user\") String user;",
      "  long position;");

  static final JavaFileObject PAIR = entity("Pair",
      "@Entity(table = \"pairs\", primaryKey = {\"a\", \"b\"})",
      "  long a;",
      "  @NotNull String b;");

  static final JavaFileObject SKU = entity("Sku",
      "@Entity(table = \"skus\",\n"
          + "    indices = @Index(columns = {\"vendor\", \"code\"}, unique = true))",
      "  @PrimaryKey long id;",
      "  @NotNull String vendor;",
      "  @NotNull String code;");

  /** A reserved table name, a composite key to a composite primary key and to a unique index. */
  static final JavaFileObject LINK = entity("Link",
      "@Entity(table = \"order\", foreignKeys = {\n"
          + "    @CompositeForeignKey(entity = Pair.class, columns = {\"pair_a\", \"pair_b\"},\n"
          + "        onDelete = CASCADE, onUpdate = CASCADE, deferred = true),\n"
          + "    @CompositeForeignKey(entity = Sku.class, columns = {\"vendor\", \"code\"},\n"
          + "        parentColumns = {\"vendor\", \"code\"}, onDelete = SET_NULL,\n"
          + "        onUpdate = RESTRICT)})",
      "  @PrimaryKey long id;",
      "  long pairA;",
      "  @NotNull String pairB;",
      "  String vendor;",
      "  String code;",
      "  @Column(defaultValue = \"0\")",
      "  @ForeignKey(entity = AllTypes.class, onDelete = SET_DEFAULT) long allTypesId;",
      "  @ForeignKey(entity = AllTypes.class, column = \"code\", onUpdate = SET_NULL,",
      "      deferred = true) String allTypesCode;");

  /** A mixed-case table that references itself. */
  static final JavaFileObject NODE = entity("Node",
      "@Entity(table = \"Nodes\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Node.class, onDelete = CASCADE) Long parentId;");

  /** Teams and players reference each other: one of the two keys closes a cycle. */
  static final JavaFileObject TEAM = entity("Team",
      "@Entity(table = \"teams\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Player.class, onDelete = SET_NULL, deferred = true) Long captainId;");

  static final JavaFileObject PLAYER = entity("Player",
      "@Entity(table = \"players\")",
      "  @PrimaryKey long id;",
      "  @ForeignKey(entity = Team.class, onDelete = CASCADE) long teamId;");

  static JavaFileObject[] sources() {
    return new JavaFileObject[] {ALL_TYPES, PAIR, SKU, LINK, NODE, TEAM, PLAYER,
        Rules.database("Link.class", "AllTypes.class", "Pair.class", "Sku.class", "Node.class",
            "Team.class", "Player.class")};
  }
}
