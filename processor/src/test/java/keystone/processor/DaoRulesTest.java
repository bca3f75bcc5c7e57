package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static keystone.processor.Compile.compile;
import static keystone.processor.Rules.dao;
import static keystone.processor.Rules.daoDatabase;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class DaoRulesTest {
  private static Compilation withDao(JavaFileObject dao) {
    return compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, Sources.SUMMARY, dao,
        daoDatabase());
  }

  @Test
  void invalidSqlCarriesSqliteMessage() {
    JavaFileObject dao = dao("  @Query(\"SELECT nope FROM users\") List<User> all();");
    assertThat(withDao(dao)).hadErrorContaining("no such column: nope")
        .inFile(dao).onLineContaining("SELECT nope");
  }

  @Test
  void unknownParameter() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM users WHERE id = :uid\") User one(long id);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryUnknownParameter] @Query uses :uid")
        .inFile(dao).onLineContaining(":uid");
  }

  @Test
  void unusedParameter() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM users\") List<User> all(long id);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryUnusedParameter]")
        .inFile(dao).onLineContaining("all(long id)");
  }

  @Test
  void parameterUsedTwiceAndColonsInLiteralsAreFine() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM users WHERE id = :id OR age = :id"
        + " OR email = 'a:b'\") List<User> find(long id);");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  @Test
  void pragmaSwitchingEnforcementOff() {
    JavaFileObject dao = dao("  @Query(\"pragma  Foreign_Keys=off\") void off();");
    assertThat(withDao(dao)).hadErrorContaining("PRAGMA defer_foreign_keys")
        .inFile(dao).onLineContaining("Foreign_Keys");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryDisablesEnforcement]");
  }

  @Test
  void unsupportedReturnType() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM users\") Iterator<User> all();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryReturnType]")
        .inFile(dao).onLineContaining("Iterator<User>");
  }

  @Test
  void resultTypeMissingNotNullColumn() {
    JavaFileObject dao = dao("  @Query(\"SELECT id FROM users\") List<OrderSummary> all();",
        "  record Partial(long id, long missing) {}",
        "  @Query(\"SELECT id FROM users\") List<Partial> partial();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryResultMissingColumn]"
        + " Partial.missing is NOT NULL")
        .inFile(dao).onLineContaining("List<Partial> partial()");
  }

  @Test
  void methodWithoutAnnotation() {
    JavaFileObject dao = dao("  List<User> all();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/DaoMethodNoAnnotation]")
        .inFile(dao).onLineContaining("List<User> all();");
  }

  @Test
  void twoAnnotations() {
    JavaFileObject dao = dao("  @Insert @Update void both(User u);");
    assertThat(withDao(dao)).hadErrorContaining("found @Insert, @Update")
        .inFile(dao).onLineContaining("void both(User u)");
  }

  @Test
  void transactionOnAbstractMethodIsAcceptedAsRoomAcceptsIt() {
    JavaFileObject dao = dao("  @Transaction @Insert void add(User u);",
        "  @Transaction @Query(\"SELECT * FROM users\") List<User> all();");
    assertThat(withDao(dao)).succeeded();
  }

  @Test
  void insertOfNonEntity() {
    JavaFileObject dao = dao("  @Insert void add(String s);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/DaoMethodParameter]")
        .inFile(dao).onLineContaining("add(String s)");
  }

  @Test
  void insertReturningWrongType() {
    JavaFileObject dao = dao("  @Insert String add(User u);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/DaoMethodReturn]")
        .inFile(dao).onLineContaining("String add(User u)");
  }

  @Test
  void replaceOnCascadeParentWarns() {
    JavaFileObject dao = dao("  @Insert(onConflict = OnConflict.REPLACE) void put(User u);");
    Compilation c = withDao(dao);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[Keystone/InsertReplaceCascades] @Insert(onConflict ="
        + " REPLACE) on users deletes the old row first, which fires ON DELETE CASCADE"
        + " (fk_orders_user_id), which deletes rows of orders; use @Upsert")
        .inFile(dao).onLineContaining("OnConflict.REPLACE");
  }

  @Test
  void replaceOnLeafIsQuiet() {
    JavaFileObject dao = dao("  @Insert(onConflict = OnConflict.REPLACE) void put(Order o);");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  @Test
  void emptyInListAndArraysCompile() {
    JavaFileObject dao = dao(
        "  @Query(\"SELECT id FROM users WHERE email IN (:emails) AND id IN (:ids)\")",
        "  List<Long> none(Set<String> emails, long... ids);");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  @Test
  void databaseMustExtendKeystoneDatabase() {
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = User.class)",
        "public interface Db {}");
    assertThat(compile(Sources.USER, db)).hadErrorContaining("[Keystone/DatabaseNotKeystone]")
        .inFile(db).onLineContaining("@keystone.Database");
  }

  @Test
  void databaseAccessorWithParameters() {
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = User.class)",
        "public interface Db extends keystone.engine.KeystoneDatabase {",
        "  String name(int x);",
        "}");
    assertThat(compile(Sources.USER, db)).hadErrorContaining("[Keystone/DatabaseBadAccessor]")
        .inFile(db).onLineContaining("String name(int x);");
  }

  @Test
  void abstractClassDatabaseCompiles() {
    JavaFileObject db = Sources.of("test.Db",
        "package test;",
        "@keystone.Database(entities = {User.class, Order.class, Category.class})",
        "public abstract class Db implements keystone.engine.KeystoneDatabase {",
        "  public abstract OrderDao orders();",
        "}");
    Compilation c = compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, Sources.ORDER_DAO, db);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.Db_Impl");
  }

  @Test
  void unknownTableCarriesSqliteMessage() {
    JavaFileObject dao = dao("  @Query(\"SELECT * FROM nope\") List<User> all();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryInvalidSql] @Query does not"
            + " prepare against the schema of Db; SQLite says: no such table: nope")
        .inFile(dao).onLineContaining("FROM nope");
  }

  @Test
  void syntaxErrorCarriesSqliteMessage() {
    JavaFileObject dao = dao("  @Query(\"SELEC * FROM users\") List<User> all();");
    assertThat(withDao(dao)).hadErrorContaining("syntax error")
        .inFile(dao).onLineContaining("SELEC *");
  }

  @Test
  void parameterThatCannotBeBound() {
    JavaFileObject dao = dao(
        "  @Query(\"SELECT * FROM users WHERE id = :user\") List<User> like(User user);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryParameterType] parameter user"
            + " has type test.User")
        .inFile(dao).onLineContaining("like(User user)");
  }

  @Test
  void insertAndUpsertMayReturnABoxedLong() {
    JavaFileObject dao = dao(
        "  @Insert Long add(User u);",
        "  @Upsert Long save(User u);");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  @Test
  void insertOfSeveralCannotReturnOneId() {
    JavaFileObject dao = dao("  @Insert long addAll(List<User> users);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/DaoMethodReturn] @Insert method addAll"
            + " cannot return long; it may return void, long[] or List<Long>")
        .inFile(dao).onLineContaining("addAll");
  }

  @Test
  void postgresVariantWithUnknownParameter() {
    JavaFileObject dao = dao(
        "  @Query(value = \"SELECT * FROM users WHERE id = :id\",",
        "      postgres = \"SELECT * FROM users WHERE id = :uid\")",
        "  User one(long id);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryUnknownParameter] @Query uses"
            + " :uid but the method has no parameter uid")
        .inFile(dao).onLineContaining("postgres =");
  }

  @Test
  void postgresVariantMissingAParameter() {
    JavaFileObject dao = dao(
        "  @Query(value = \"SELECT * FROM users WHERE id = :id AND age > :age\",",
        "      postgres = \"SELECT * FROM users WHERE id = :id\")",
        "  User one(long id, int age);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryPostgresParameters]"
            + " @Query(postgres) binds :id but the SQLite statement binds :id, :age")
        .inFile(dao).onLineContaining("postgres =");
  }

  /** One binding serves both statements, so the order is part of the contract. */
  @Test
  void postgresVariantWithParametersInAnotherOrder() {
    JavaFileObject dao = dao(
        "  @Query(value = \"SELECT * FROM users WHERE id IN (:ids) AND age > :age\",",
        "      postgres = \"SELECT * FROM users WHERE age > :age AND id IN (:ids)\")",
        "  List<User> some(List<Long> ids, int age);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryPostgresParameters]"
            + " @Query(postgres) binds :age, :ids but the SQLite statement binds :ids, :age")
        .inFile(dao).onLineContaining("postgres =");
  }

  @Test
  void postgresVariantOfAnotherKind() {
    JavaFileObject dao = dao(
        "  @Query(value = \"SELECT count(*) FROM users WHERE id = :id\",",
        "      postgres = \"DELETE FROM users WHERE id = :id\")",
        "  int count(long id);");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryPostgresKind] @Query(postgres)"
            + " writes but the SQLite statement reads")
        .inFile(dao).onLineContaining("postgres =");
  }

  @Test
  void blankPostgresVariant() {
    JavaFileObject dao = dao(
        "  @Query(value = \"SELECT count(*) FROM users\",",
        "      postgres = \" \")",
        "  int count();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryPostgresKind] @Query(postgres)"
            + " is empty")
        .inFile(dao).onLineContaining("postgres =");
  }

  @Test
  void postgresVariantSwitchingEnforcementOff() {
    JavaFileObject dao = dao(
        "  @Query(value = \"DELETE FROM users\",",
        "      postgres = \"SET session_replication_role = replica\")",
        "  void off();");
    assertThat(withDao(dao)).hadErrorContaining("[Keystone/QueryDisablesEnforcement] @Query runs"
            + " SET session_replication_role")
        .inFile(dao).onLineContaining("session_replication_role");
  }

  /**
   * The variant is not prepared: SQLite would reject {@code ::} and {@code to_char}. Casts, dollar
   * quotes and a parameter used twice are read the PostgreSQL way.
   */
  @Test
  void postgresVariantIsReadInItsOwnLexis() {
    JavaFileObject dao = dao(
        "  @Query(value = \"SELECT id FROM users WHERE email IN (:emails) AND age > :age"
            + " AND strftime('%Y', 'now') <> ':x' OR age = :age\",",
        "      postgres = \"SELECT id FROM users WHERE email IN (:emails) AND age > :age::int"
            + " AND to_char(now(), 'YYYY') <> $$:x$$ OR age = :age\")",
        "  List<Long> some(Set<String> emails, int age);",
        "  @Query(value = \"DELETE FROM users WHERE id = :id\", postgres = \"\")",
        "  void portable(long id);");
    assertThat(withDao(dao)).succeededWithoutWarnings();
  }

  /** One DAO class serves both: its tables are looked up by name when it is built. */
  @Test
  void aDaoSharedByDatabasesWithTablesInAnotherOrderCompiles() {
    JavaFileObject dao = dao("  @Insert long insert(User u);", "  @Delete void delete(User u);");
    Compilation c = compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao,
        database("test.First", "User.class, Order.class, Category.class"),
        database("test.Second", "Category.class, User.class, Order.class"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.TestDao_Impl").contentsAsUtf8String()
        .contains("CHANGES_DELETE = {\"orders\", \"users\"};");
  }

  /** Orders cascade from users in one database only, so a delete reaches more tables there. */
  @Test
  void aDaoSharedByDatabasesWhereItsWritesReachOtherTablesIsRefused() {
    JavaFileObject dao = dao("  @Delete void delete(User u);");
    JavaFileObject second = database("test.Second", "User.class, Order.class");
    Compilation c = compile(Sources.USER, Sources.ORDER, Sources.CATEGORY, dao,
        database("test.First", "User.class, Category.class"), second);
    assertThat(c).hadErrorContaining("[Keystone/DaoSharedReachDiffers] TestDao is also the DAO")
        .inFile(second).onLineContaining("interface Second");
  }

  private static JavaFileObject database(String name, String entities) {
    return Sources.of(name,
        "package test;",
        "@keystone.Database(entities = {" + entities + "}, exportSchema = false)",
        "public interface " + name.substring(name.indexOf('.') + 1)
            + " extends keystone.engine.KeystoneDatabase {",
        "  TestDao dao();",
        "}");
  }
}
