package keystone.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;
import static keystone.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Room apps ported by translating {@code androidx.room} to {@code keystone}: the three bugs the
 * port found (code across packages, follow-on errors, wrong advice) and Room's entity mapping.
 */
class RoomPortRulesTest {
  private static JavaFileObject item(String... body) {
    String[] lines = new String[body.length + 4];
    lines[0] = "package app.model;";
    lines[1] = "import keystone.*;";
    lines[2] = "@Entity public class Item {";
    System.arraycopy(body, 0, lines, 3, body.length);
    lines[lines.length - 1] = "}";
    return Sources.of("app.model.Item", lines);
  }

  private static final JavaFileObject ITEM_DAO = Sources.of("app.dao.ItemDao",
      "package app.dao;",
      "import keystone.*;",
      "import java.util.List;",
      "import app.model.Item;",
      "@Dao public interface ItemDao {",
      "  @Insert void insert(Item item);",
      "  @Query(\"SELECT * FROM item\") List<Item> all();",
      "}");

  private static final JavaFileObject DB = Sources.of("app.Db",
      "package app;",
      "@keystone.Database(entities = {app.model.Item.class})",
      "public interface Db extends keystone.engine.KeystoneDatabase {",
      "  app.dao.ItemDao items();",
      "}");

  // ---- Bug 1: generated code across packages ----

  @Test
  void packagePrivateFieldsWithPublicAccessorsUseTheAccessors() throws IOException {
    Compilation c = compile(item(
        "  @PrimaryKey long id;",
        "  String name;",
        "  public long getId() { return id; }",
        "  public void setId(long id) { this.id = id; }",
        "  public String getName() { return name; }",
        "  public void setName(String name) { this.name = name; }"), ITEM_DAO, DB);
    assertThat(c).succeededWithoutWarnings();
    String impl = c.generatedSourceFile("app.dao.ItemDao_Impl").orElseThrow()
        .getCharContent(true).toString();
    assertThat(impl).contains("item.getId()");
    assertThat(impl).contains(".setName(");
    assertThat(impl).doesNotContain("item.id");
  }

  @Test
  void packagePrivateFieldWithoutAccessorIsAnErrorOnTheField() {
    JavaFileObject item = item(
        "  @PrimaryKey public long id;",
        "  String name;");
    Compilation c = compile(item, ITEM_DAO, DB);
    assertThat(c).hadErrorContaining("[Keystone/MemberNotReachable] ItemDao_Impl, generated in"
        + " package app.dao, cannot use field name of Item, which only package app.model can"
        + " reach").inFile(item).onLineContaining("String name;");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void packagePrivateConstructorIsAnErrorOnTheConstructor() {
    JavaFileObject item = item(
        "  @PrimaryKey public final long id;",
        "  Item(long id) { this.id = id; }",
        "  public long getId() { return id; }");
    Compilation c = compile(item, ITEM_DAO, DB);
    assertThat(c).hadErrorContaining("[Keystone/MemberNotReachable]")
        .inFile(item).onLineContaining("Item(long id)");
  }

  @Test
  void sameLayoutInOnePackageStillUsesTheFields() {
    JavaFileObject item = Sources.of("app.Item",
        "package app;",
        "import keystone.*;",
        "@Entity public class Item {",
        "  @PrimaryKey long id;",
        "  String name;",
        "}");
    JavaFileObject dao = Sources.of("app.ItemDao",
        "package app;",
        "import keystone.*;",
        "@Dao public interface ItemDao { @Insert void insert(Item item); }");
    JavaFileObject db = Sources.of("app.Db",
        "package app;",
        "@keystone.Database(entities = {Item.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase { ItemDao items(); }");
    assertThat(compile(item, dao, db)).succeededWithoutWarnings();
  }

  // ---- Bug 2: follow-on errors ----

  @Test
  void anEntityWithAnErrorStaysKnownToItsDatabaseDaosAndKeys() {
    JavaFileObject account = Sources.of("r.Account",
        "package r;",
        "import keystone.*;",
        "@Entity public class Account {",
        "  @PrimaryKey public String id;",
        "  public Thread owner;",
        "}");
    JavaFileObject post = Sources.of("r.Post",
        "package r;",
        "import keystone.*;",
        "@Entity public class Post {",
        "  @PrimaryKey public long id;",
        "  @ForeignKey(entity = Account.class) public String accountId;",
        "}");
    JavaFileObject dao = Sources.of("r.AccountDao",
        "package r;",
        "import keystone.*;",
        "import java.util.List;",
        "@Dao public interface AccountDao {",
        "  @Insert void insert(Account a);",
        "  @Update void update(Account a);",
        "  @Query(\"SELECT * FROM account\") List<Account> all();",
        "}");
    JavaFileObject db = Sources.of("r.Db",
        "package r;",
        "@keystone.Database(entities = {Account.class, Post.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase { AccountDao accounts(); }");
    Compilation c = compile(account, post, dao, db);
    assertThat(c).hadErrorContaining("[Keystone/ColumnTypeUnsupported]")
        .inFile(account).onLineContaining("Thread owner");
    assertThat(c).hadErrorCount(1);
  }

  // ---- Bug 3: the advice for a final field ----

  @Test
  void finalPublicFieldOutsideTheConstructorIsNamedAsSuch() {
    JavaFileObject item = item(
        "  @PrimaryKey public final String id;",
        "  public String name;",
        "  public Item(String name) { this.id = java.util.UUID.randomUUID().toString();"
            + " this.name = name; }");
    Compilation c = compile(item, ITEM_DAO, DB);
    assertThat(c).hadErrorContaining("[Keystone/ColumnFinalNotInConstructor] field id is final,"
        + " and Item(java.lang.String name), the constructor Keystone builds Item with, takes no"
        + " parameter named id").inFile(item).onLineContaining("public final String id;");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void constructorWhoseParametersMatchNoFieldSaysWhichParameter() {
    JavaFileObject item = item(
        "  @PrimaryKey public final String id;",
        "  public Item(String key) { this.id = key; }");
    Compilation c = compile(item, ITEM_DAO, DB);
    assertThat(c).hadErrorContaining("[Keystone/EntityNoConstructor]");
    assertThat(c).hadErrorContaining("Item(java.lang.String key) (no field for key)");
    assertThat(c).hadErrorCount(1);
  }

  // ---- Room's entity mapping ----

  @Test
  void finalFieldsWithAMatchingConstructorAndGettersOnly() throws IOException {
    Compilation c = compile(item(
        "  @PrimaryKey private final long id;",
        "  private final String name;",
        "  private final boolean isDone;",
        "  private Boolean archived;",
        "  public Item(long id, String name, boolean isDone) {",
        "    this.id = id; this.name = name; this.isDone = isDone; }",
        "  @Ignore public Item(String name) { this(0, name, false); }",
        "  public long getId() { return id; }",
        "  public String getName() { return name; }",
        "  public boolean isDone() { return isDone; }",
        "  public Boolean isArchived() { return archived; }",
        "  public void setArchived(Boolean archived) { this.archived = archived; }"),
        ITEM_DAO, DB);
    assertThat(c).succeededWithoutWarnings();
    String impl = c.generatedSourceFile("app.dao.ItemDao_Impl").orElseThrow()
        .getCharContent(true).toString();
    assertThat(impl).contains("new Item(");
    assertThat(impl).contains("item.isDone()");
    assertThat(impl).contains("item.isArchived()");
    assertThat(impl).contains(".setArchived(");
  }

  @Test
  void twoMatchingConstructorsWithoutANoArgOneAreAmbiguous() {
    JavaFileObject item = item(
        "  @PrimaryKey public final long id;",
        "  public final String name;",
        "  public Item(long id, String name) { this.id = id; this.name = name; }",
        "  public Item(String name, long id) { this.id = id; this.name = name; }");
    Compilation c = compile(item, ITEM_DAO, DB);
    assertThat(c).hadErrorContaining("[Keystone/ConstructorAmbiguous]")
        .inFile(item).onLineContaining("public Item(long id, String name)");
    assertThat(c).hadErrorContaining("[Keystone/ConstructorAmbiguous]")
        .inFile(item).onLineContaining("public Item(String name, long id)");
  }

  @Test
  void ignoreOnAConstructorTakesItOutOfTheChoice() {
    JavaFileObject item = item(
        "  @PrimaryKey public final long id;",
        "  public final String name;",
        "  public Item(long id, String name) { this.id = id; this.name = name; }",
        "  @Ignore public Item(String name, long id) { this.id = id; this.name = name; }");
    assertThat(compile(item, ITEM_DAO, DB)).succeededWithoutWarnings();
  }

  @Test
  void constructorParametersMatchFieldsByRoomsNameVariations() throws IOException {
    Compilation c = compile(item(
        "  @PrimaryKey private final long mId;",
        "  private final String _name;",
        "  private final boolean hasPhoto;",
        "  public Item(long id, String name, boolean photo) {",
        "    mId = id; _name = name; hasPhoto = photo; }",
        "  public long getId() { return mId; }",
        "  public String getName() { return _name; }",
        "  public boolean hasPhoto() { return hasPhoto; }"), ITEM_DAO, DB);
    assertThat(c).succeededWithoutWarnings();
    String impl = c.generatedSourceFile("app.dao.ItemDao_Impl").orElseThrow()
        .getCharContent(true).toString();
    assertThat(impl).contains("item.getId()");
    assertThat(impl).contains("item.hasPhoto()");
  }

  @Test
  void aNoArgConstructorWinsAmongSeveralAsInRoom() throws IOException {
    Compilation c = compile(item(
        "  @PrimaryKey public long id;",
        "  public String name;",
        "  public Item() {}",
        "  public Item(long id, String name) { this.id = id; this.name = name; }"),
        ITEM_DAO, DB);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFile("app.dao.ItemDao_Impl").orElseThrow()
        .getCharContent(true).toString()).contains("new Item()");
  }

  // ---- Naming ----

  @Test
  void asDeclaredNamingPreparesRoomsSql() {
    JavaFileObject account = Sources.of("n.Account",
        "package n;",
        "import keystone.*;",
        "@Entity public class Account { @PrimaryKey public String accountId; }");
    JavaFileObject label = Sources.of("n.JoinCardWithLabel",
        "package n;",
        "import keystone.*;",
        "@Entity(primaryKey = {\"cardId\", \"labelName\"})",
        "public class JoinCardWithLabel {",
        "  @ForeignKey(entity = Account.class) public String cardId;",
        "  public String labelName;",
        "}");
    JavaFileObject snake = Sources.of("n.AuditEntry",
        "package n;",
        "import keystone.*;",
        "@Entity(naming = Naming.SNAKE_CASE) public class AuditEntry {",
        "  @PrimaryKey public long entryId;",
        "}");
    JavaFileObject pinned = Sources.of("n.Legacy",
        "package n;",
        "import keystone.*;",
        "@Entity(table = \"legacy_rows\") public class Legacy {",
        "  @PrimaryKey @Column(name = \"row_id\") public long rowId;",
        "  public long keptName;",
        "}");
    JavaFileObject dao = Sources.of("n.CardDao",
        "package n;",
        "import keystone.*;",
        "import java.util.List;",
        "@Dao public interface CardDao {",
        "  @Query(\"SELECT * FROM JoinCardWithLabel WHERE cardId = :id\")",
        "  List<JoinCardWithLabel> labels(String id);",
        "  @Query(\"SELECT entry_id FROM audit_entry\") List<Long> audit();",
        "  @Query(\"SELECT row_id, keptName FROM legacy_rows\") List<Legacy> legacy();",
        "}");
    JavaFileObject db = Sources.of("n.Db",
        "package n;",
        "@keystone.Database(entities = {Account.class, JoinCardWithLabel.class,"
            + " AuditEntry.class, Legacy.class}, naming = keystone.Naming.AS_DECLARED)",
        "public interface Db extends keystone.engine.KeystoneDatabase { CardDao cards(); }");
    Compilation c = compile(account, label, snake, pinned, dao, db);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void snakeCaseStaysTheDefault() {
    JavaFileObject account = Sources.of("n.Account",
        "package n;",
        "import keystone.*;",
        "@Entity public class Account { @PrimaryKey public String accountId; }");
    JavaFileObject dao = Sources.of("n.AccountDao",
        "package n;",
        "import keystone.*;",
        "@Dao public interface AccountDao {",
        "  @Query(\"SELECT count(*) FROM Account WHERE accountId = 'x'\") int n();",
        "}");
    JavaFileObject db = Sources.of("n.Db",
        "package n;",
        "@keystone.Database(entities = {Account.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase { AccountDao a(); }");
    assertThat(compile(account, dao, db)).hadErrorContaining("no such column: accountId");
  }

  // ---- Room's habits ----

  private static final JavaFileObject OWNER = Sources.of("h.Owner",
      "package h;",
      "import keystone.*;",
      "@Entity(naming = Naming.AS_DECLARED) public class Owner {",
      "  @PrimaryKey public long id;",
      "}");

  private static final JavaFileObject PET = Sources.of("h.Pet",
      "package h;",
      "import keystone.*;",
      "@Entity(naming = Naming.AS_DECLARED) public class Pet {",
      "  @PrimaryKey public long id;",
      "  @ForeignKey(entity = Owner.class) public long ownerId;",
      "  public String name;",
      "}");

  private static Compilation withResult(JavaFileObject result) {
    JavaFileObject dao = Sources.of("h.PetDao",
        "package h;",
        "import keystone.*;",
        "@Dao public interface PetDao {",
        "  @Transaction @Query(\"SELECT * FROM Owner WHERE id = :id\")",
        "  OwnerWithPets owner(long id);",
        "  @Update(onConflict = OnConflict.IGNORE) int update(Pet pet);",
        "}");
    JavaFileObject db = Sources.of("h.Db",
        "package h;",
        "@keystone.Database(entities = {Owner.class, Pet.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase { PetDao pets(); }");
    return compile(OWNER, PET, result, dao, db);
  }

  @Test
  void projectionFillsAListOfOneColumnsValues() throws IOException {
    Compilation c = withResult(Sources.of("h.OwnerWithPets",
        "package h;",
        "import keystone.*;",
        "import java.util.List;",
        "public class OwnerWithPets {",
        "  @Embedded public Owner owner;",
        "  @Relation(parentColumn = \"id\", entityColumn = \"ownerId\", entity = Pet.class,",
        "      projection = {\"name\"}) public List<String> names;",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String impl = c.generatedSourceFile("h.PetDao_Impl").orElseThrow()
        .getCharContent(true).toString();
    assertThat(impl).contains("SELECT name, ownerId FROM Pet WHERE ownerId IN (");
    assertThat(impl).contains("UPDATE OR IGNORE Pet SET");
  }

  @Test
  void projectionOfAnUnknownColumnIsAnError() {
    JavaFileObject result = Sources.of("h.OwnerWithPets",
        "package h;",
        "import keystone.*;",
        "import java.util.List;",
        "public class OwnerWithPets {",
        "  @Embedded public Owner owner;",
        "  @Relation(parentColumn = \"id\", entityColumn = \"ownerId\", entity = Pet.class,",
        "      projection = {\"nickname\"}) public List<String> names;",
        "}");
    assertThat(withResult(result)).hadErrorContaining("[Keystone/RelationEntityColumnMissing]")
        .inFile(result).onLineContaining("projection");
  }

  @Test
  void aListOfValuesNeedsAOneColumnProjection() {
    JavaFileObject result = Sources.of("h.OwnerWithPets",
        "package h;",
        "import keystone.*;",
        "import java.util.List;",
        "public class OwnerWithPets {",
        "  @Embedded public Owner owner;",
        "  @Relation(parentColumn = \"id\", entityColumn = \"ownerId\", entity = Pet.class)",
        "  public List<String> names;",
        "}");
    assertThat(withResult(result)).hadErrorContaining("[Keystone/RelationFieldType]")
        .inFile(result).onLineContaining("@Relation");
  }

  @Test
  void inheritSuperIndicesCarriesTheSuperclassIndicesToThisTable() throws IOException {
    JavaFileObject base = Sources.of("h.Stamped",
        "package h;",
        "import keystone.*;",
        "@Entity(indices = @Index(columns = \"created_at\"))",
        "public abstract class Stamped { public long createdAt; }");
    JavaFileObject kept = Sources.of("h.Kept",
        "package h;",
        "import keystone.*;",
        "@Entity(inheritSuperIndices = true)",
        "public class Kept extends Stamped { @PrimaryKey public long id; }");
    JavaFileObject dropped = Sources.of("h.Dropped",
        "package h;",
        "import keystone.*;",
        "@Entity public class Dropped extends Stamped { @PrimaryKey public long id; }");
    JavaFileObject db = Sources.of("h.Db",
        "package h;",
        "@keystone.Database(entities = {Kept.class, Dropped.class})",
        "public interface Db extends keystone.engine.KeystoneDatabase {}");
    Compilation c = compile(base, kept, dropped, db);
    assertThat(c).succeededWithoutWarnings();
    String impl = c.generatedSourceFile("h.Db_Impl").orElseThrow()
        .getCharContent(true).toString();
    assertThat(impl).contains("CREATE INDEX idx_kept_created_at ON kept (created_at)");
    assertThat(impl).doesNotContain("idx_dropped_created_at");
  }
}
