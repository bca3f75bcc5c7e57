package keystone.processor.diagnostics;

import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor emits, in one place so that tests and users can refer to a
 * stable key. The text is a {@link String#format} pattern.
 */
public enum Message {
  INTERNAL_ERROR("InternalError", "internal error in the Keystone processor: %s"),
  MISSING_TYPE(
      "MissingType",
      "%s was never generated, so %s cannot be processed; check the name, its import, and that"
          + " the processor that generates it runs"),

  ENTITY_NOT_CLASS(
      "EntityNotClass", "@Entity must be on a class or a record, not on %s"),
  ENTITY_NO_CONSTRUCTOR(
      "EntityNoConstructor",
      "%s has no constructor Keystone can build it with: it needs a non-private constructor,"
          + " not @Ignore, with no parameters or with parameters named like its fields; tried: %s"),
  CONSTRUCTOR_AMBIGUOUS(
      "ConstructorAmbiguous",
      "Keystone cannot choose among the %2$d constructors of %1$s whose parameters all match"
          + " its fields; mark the ones it should not use with @Ignore"),
  MEMBER_NOT_REACHABLE(
      "MemberNotReachable",
      "%s, generated in package %s, cannot use %s of %s, which only package %s can reach;"
          + " make it public%s"),
  ENTITY_NO_PRIMARY_KEY(
      "EntityNoPrimaryKey",
      "%s has no primary key; add @PrimaryKey to a field or @Entity(primaryKey = {...})"),
  ENTITY_TWO_PRIMARY_KEYS(
      "EntityTwoPrimaryKeys",
      "%s declares its primary key twice; use either @PrimaryKey on one field or"
          + " @Entity(primaryKey = ...), not both"),
  PRIMARY_KEY_COLUMN_MISSING(
      "PrimaryKeyColumnMissing", "primary key column %s does not exist in %s; columns are: %s"),
  AUTO_GENERATE_NOT_LONG(
      "AutoGenerateNotLong",
      "@PrimaryKey(autoGenerate = true) needs a long or Long field, not %s; SQLite only"
          + " generates keys for INTEGER PRIMARY KEY"),
  COLUMN_TYPE_UNSUPPORTED(
      "ColumnTypeUnsupported",
      "%s has type %s, which has no column mapping; use a primitive, its box, String, byte[],"
          + " an enum, a java.time type, UUID, BigDecimal or BigInteger, add a @TypeConverter"
          + " pair for it in @TypeConverters, or mark the field @Ignore"),
  CONVERTER_SHAPE(
      "ConverterShape",
      "@TypeConverter %s must take exactly one parameter and return a value; it %s"),
  CONVERTER_COLUMN_NOT_BUILT_IN(
      "ConverterColumnNotBuiltIn",
      "@TypeConverter %s converts %s to %s, but one side must be a built-in column type (a"
          + " primitive, its box, String, byte[], an enum, java.time, UUID, BigDecimal or"
          + " BigInteger) and the other a type of yours"),
  CONVERTER_ONE_DIRECTION(
      "ConverterOneDirection",
      "@TypeConverter %s converts %s to %s, but nothing in the same @TypeConverters converts %s"
          + " back to %s; add that method"),
  CONVERTER_DUPLICATE(
      "ConverterDuplicate",
      "@TypeConverter %s converts %s to its column, as %s already does in the same"
          + " @TypeConverters scope; keep one"),
  CONVERTER_NO_CONSTRUCTOR(
      "ConverterNoConstructor",
      "@TypeConverter %s is an instance method, so %s needs an accessible no-argument"
          + " constructor (or make the method static)"),
  IGNORE_ON_RECORD_COMPONENT(
      "IgnoreOnRecordComponent",
      "@Ignore cannot leave out record component %s of %s: the canonical constructor needs every"
          + " component; persist it, or move it out of the record header into a method"),
  IGNORED_COLUMN_ANNOTATION(
      "IgnoredColumnAnnotation",
      "field %s is @Ignore but carries @%s, which describes a column it will not have; remove one"
          + " of the two"),
  COLUMN_DUPLICATE_NAME(
      "ColumnDuplicateName", "column %s of table %s is mapped by two fields; rename one with"
          + " @Column(name = ...)"),
  COLUMN_NOT_NULL_DEFAULT_NULL(
      "ColumnNotNullDefaultNull",
      "%s.%s is NOT NULL but its defaultValue is NULL; make the field nullable or give a"
          + " non-NULL default"),
  COLUMN_NO_ACCESSOR(
      "ColumnNoAccessor",
      "field %s is private and has no %s; make it non-private or add JavaBean accessors"),
  COLUMN_FINAL_NOT_IN_CONSTRUCTOR(
      "ColumnFinalNotInConstructor",
      "field %s is final, and %s, the constructor Keystone builds %s with, takes no parameter"
          + " named %s; add one (Keystone matches constructor parameters to fields by name), or"
          + " drop final"),
  INDEX_COLUMN_MISSING(
      "IndexColumnMissing", "index column %s does not exist in %s; columns are: %s"),
  INDEX_CONSTRAINT_NOT_UNIQUE(
      "IndexConstraintNotUnique",
      "@Index(constraint = true) on %s (%s) is a UNIQUE table constraint; add unique = true"),
  COLUMN_SQLITE_TYPE_INVALID(
      "ColumnSqliteTypeInvalid",
      "sqliteType \"%s\" of %s.%s is not a type name SQLite declares a column with; write a"
          + " name with an optional size, such as NUMERIC, VARCHAR(80) or DECIMAL(10, 2)"),
  COLUMN_SQLITE_TYPE_AFFINITY(
      "ColumnSqliteTypeAffinity",
      "sqliteType \"%s\" of %s.%s has %s affinity, which would change the %s values Keystone"
          + " stores for %s (https://www.sqlite.org/datatype3.html#type_affinity); use a type"
          + " of %s affinity, or leave sqliteType empty"),
  COLUMN_SQLITE_TYPE_CONVERTS_TEXT(
      "ColumnSqliteTypeConvertsText",
      "sqliteType \"%s\" of %s.%s has %s affinity: SQLite stores text that reads as a number"
          + " there as that number, so '007' comes back as \"7\" and '1.50' as \"1.5\"; fine"
          + " for a file that already has the column so, else declare a TEXT type"),
  COLUMN_POSTGRES_TYPE(
      "ColumnPostgresType",
      "postgresType \"%s\" of %s.%s cannot hold the %s values of %s exactly; use %s"),
  COLUMN_POSTGRES_DEFAULT_INVALID(
      "ColumnPostgresDefaultInvalid",
      "postgresDefault \"%s\" of %s.%s is not one expression: %s; write the default alone, as"
          + " PostgreSQL prints it (\"now()\", \"'x'::text\")"),
  COLUMN_POSTGRES_DEFAULT_NULL(
      "ColumnPostgresDefaultNull",
      "%s.%s is NOT NULL but its postgresDefault is NULL; make the field nullable or give a"
          + " non-NULL default"),
  COLUMN_POSTGRES_DEFAULT_GENERATED_KEY(
      "ColumnPostgresDefaultGeneratedKey",
      "%s.%s is a generated key (an identity column on PostgreSQL), which cannot have a"
          + " default; remove postgresDefault"),
  NULLABLE_KEY_NOT_KEY(
      "NullableKeyNotKey",
      "@Column(nullableKey = true) on %s.%s, which is not a primary-key column; remove it (a"
          + " nullable column is a reference type without @NotNull)"),
  NULLABLE_KEY_ROWID(
      "NullableKeyRowid",
      "@Column(nullableKey = true) on %s.%s, a lone INTEGER primary key: SQLite's rowid alias,"
          + " which never holds NULL (https://www.sqlite.org/lang_createtable.html#rowid);"
          + " remove it"),
  SCHEMA_INVALID("SchemaInvalid", "SQLite rejects the DDL of table %s: %s%n%s"),

  FOREIGN_KEY_PARENT_NOT_ENTITY(
      "ForeignKeyParentNotEntity",
      "foreign key %s references %s, which is not an @Entity; name an @Entity class"),
  FOREIGN_KEY_PARENT_NOT_IN_DATABASE(
      "ForeignKeyParentNotInDatabase",
      "foreign key %s references %s, which is not listed in @Database(entities) of %s; add it"
          + " there"),
  FOREIGN_KEY_COLUMN_MISSING(
      "ForeignKeyColumnMissing", "foreign key %s: column %s does not exist in %s; columns are: %s"),
  FOREIGN_KEY_PARENT_COLUMN_MISSING(
      "ForeignKeyParentColumnMissing",
      "foreign key %s: parent column %s does not exist in %s; columns are: %s"),
  FOREIGN_KEY_COLUMN_COUNT(
      "ForeignKeyColumnCount",
      "foreign key %s has %d child column(s) and %d parent column(s); they must be equally many"
          + " and at least one"),
  FOREIGN_KEY_PARENT_NOT_UNIQUE(
      "ForeignKeyParentNotUnique",
      "%s references %s, which is neither the primary key nor UNIQUE; %s"),
  FOREIGN_KEY_AFFINITY_MISMATCH(
      "ForeignKeyAffinityMismatch",
      "foreign key %s: %s is stored as %s but the parent column %s is stored as %s; use the"
          + " same type (or converters to the same column type)"),
  FOREIGN_KEY_SET_NULL_NOT_NULL(
      "ForeignKeySetNullNotNull",
      "foreign key %s: ON %s SET NULL on NOT NULL column %s; make the field nullable or pick"
          + " another action"),
  FOREIGN_KEY_SET_DEFAULT_NO_DEFAULT(
      "ForeignKeySetDefaultNoDefault",
      "foreign key %s: ON %s SET DEFAULT on column %s, which has no @Column(defaultValue); add"
          + " one or pick another action (a postgresDefault alone is not enough: SQLite would"
          + " write NULL)"),
  FOREIGN_KEY_PARENT_COMPOSITE_KEY(
      "ForeignKeyParentCompositeKey",
      "@ForeignKey to %s, whose primary key is composite (%s); use @CompositeForeignKey in"
          + " @Entity(foreignKeys) or name a unique column"),
  DUPLICATE_NAME(
      "DuplicateName",
      "%s name %s is used twice in database %s (also by table %s); give one of them another"
          + " name"),
  NAME_TOO_LONG(
      "NameTooLong",
      "%s name %s is %d bytes long; PostgreSQL cuts names at 63 bytes, so the same annotations"
          + " would not run there (and two long names could collide); give it a shorter name"),
  DUPLICATE_TABLE(
      "DuplicateTable",
      "table %s is mapped by both %s and %s in database %s; give one of them another"
          + " @Entity(table = ...)"),
  FOREIGN_KEY_NO_INDEX(
      "ForeignKeyNoIndex",
      "foreign key %s leaves %s(%s) without an index; every delete or key update on %s will"
          + " scan %s; keep index = true or declare an @Index starting with these columns"),
  RESTRICT_DEFERRED(
      "RestrictDeferred",
      "foreign key %s: ON %s RESTRICT is checked the moment the parent key changes, even on a"
          + " DEFERRABLE INITIALLY DEFERRED key (SQLite never defers RESTRICT, and Keystone keeps"
          + " it immediate under deferForeignKeys()), so deferred = true changes nothing for this"
          + " action; use NO_ACTION if the check should wait for the commit"),
  INSERT_REPLACE_CASCADES(
      "InsertReplaceCascades",
      "@%s(onConflict = REPLACE) on %s deletes %s first, which fires %s; use"
          + " @Upsert to update in place"),

  DAO_NOT_ABSTRACT("DaoNotAbstract", "@Dao must be on an interface or an abstract class"),
  DAO_NO_CONSTRUCTOR(
      "DaoNoConstructor", "abstract @Dao class %s needs an accessible no-argument constructor"),
  DAO_METHOD_NO_ANNOTATION(
      "DaoMethodNoAnnotation",
      "abstract DAO method %s needs exactly one of @Insert, @Upsert, @Update, @Delete or"
          + " @Query (found %s)"),
  DAO_METHOD_PARAMETER(
      "DaoMethodParameter",
      "@%s takes exactly one parameter: an entity, an array/varargs or an Iterable of one; %s"),
  DAO_METHOD_RETURN(
      "DaoMethodReturn", "@%s method %s cannot return %s; it may return %s"),
  DAO_ENTITY_NOT_IN_DATABASE(
      "DaoEntityNotInDatabase", "%s is not an entity of database %s"),
  DAO_SHARED_REACH_DIFFERS(
      "DaoSharedReachDiffers",
      "%s is also the DAO of another database whose foreign keys let its writes reach other"
          + " tables than here, and one DAO class is generated for both; give this database a"
          + " DAO interface of its own (it may extend the shared one)"),
  QUERY_INVALID_SQL("QueryInvalidSql",
      "@Query does not prepare against the schema of %s; SQLite says: %s"),
  QUERY_UNKNOWN_PARAMETER(
      "QueryUnknownParameter",
      "@Query uses :%s but the method has no parameter %s; add one or fix the name"),
  QUERY_UNUSED_PARAMETER("QueryUnusedParameter",
      "parameter %s is never used in the @Query SQL; use it as :%s or remove it"),
  QUERY_PARAMETER_TYPE(
      "QueryParameterType",
      "parameter %s has type %s, which cannot be bound; use a primitive, its box, String,"
          + " byte[] or an enum, or an array or Iterable of those inside IN (:%s)"),
  QUERY_DISABLES_ENFORCEMENT(
      "QueryDisablesEnforcement",
      "@Query runs %s; Keystone keeps foreign-key and constraint enforcement always on. To let"
          + " one transaction break a key for a while, call deferForeignKeys()"
          + " (PRAGMA defer_foreign_keys) inside runInTransaction"),
  QUERY_RETURN_TYPE(
      "QueryReturnType", "@Query method cannot return %s: %s"),
  QUERY_RESULT_MISSING_COLUMN(
      "QueryResultMissingColumn",
      "%s.%s is NOT NULL but the query returns no column %s; result columns are: %s"),
  MULTIMAP_TYPE(
      "MultimapType",
      "@Query method cannot return %s: a multimap's key and value (or List element) are records"
          + " or classes built from the row's columns, not %s; wrap a single column in a record"),
  MULTIMAP_KEY_EQUALITY(
      "MultimapKeyEquality",
      "%s is a multimap key but declares no equals(Object) and hashCode(), so every row would be"
          + " a key of its own; make it a record or add both methods"),
  MULTIMAP_AMBIGUOUS_COLUMN(
      "MultimapAmbiguousColumn",
      "%1$s reads column %2$s, which the query returns %3$d times (from %4$s); give each its own"
          + " name (SELECT %5$s.%6$s AS %5$s_%6$s, ...) or use the entity type, whose columns are"
          + " told apart by their table"),
  PAGE_ORDER_BY(
      "PageOrderBy",
      "a Page<%s, %s> query must ORDER BY exactly the key's columns, in its order and all in one"
          + " direction (%s), which is what (%s) > (...) pages by; it orders by %s"),
  PAGE_LIMIT(
      "PageLimit",
      "a Page query ends with LIMIT :n, n a parameter of the method, and has no OFFSET: the key"
          + " of the last row finds the next page, so no row is skipped by counting"),
  PAGE_KEY_NULLABLE(
      "PageKeyNullable",
      "key %s.%s may be null; a row whose key column is NULL is never after any key, so pages"
          + " would skip it: make the component primitive or @NotNull (and its column NOT NULL)"),
  RAW_QUERY_PARAMETER(
      "RawQueryParameter",
      "@RawQuery method %s must take exactly one parameter, a keystone.engine.SqlQuery"),
  RAW_QUERY_NOT_OBSERVED(
      "RawQueryNotObserved",
      "@RawQuery returning %s must name the entities it reads in observedEntities, so that it"
          + " knows which changes to run again after"),
  RAW_QUERY_OBSERVED_NOT_ENTITY(
      "RawQueryObservedNotEntity",
      "%s in observedEntities is not an @Entity or a @DatabaseView of %s; name the entities"
          + " (or views) whose tables the query reads"),
  RAW_QUERY_RETURN_TYPE("RawQueryReturnType", "@RawQuery method cannot return %s: %s"),
  QUERY_POSTGRES_PARAMETERS(
      "QueryPostgresParameters",
      "@Query(postgres) binds %s but the SQLite statement binds %s; use the same parameters in"
          + " the same order, so that one binding serves both"),
  QUERY_POSTGRES_KIND(
      "QueryPostgresKind",
      "@Query(postgres) %s but the SQLite statement %s; both must read or both must write, since"
          + " the call's transaction is chosen at compile time for both"),

  EMBEDDED_TYPE(
      "EmbeddedType",
      "@Embedded %s has type %s, which has no columns to embed; embed a record or a class with a"
          + " no-argument constructor"),
  RELATION_FIELD_TYPE(
      "RelationFieldType",
      "@Relation %s has type %s, which cannot hold related rows; use List<T>, Set<T> or T, where"
          + " T is an @Entity or a record or class that embeds one"),
  RELATION_NOT_ALLOWED("RelationNotAllowed", "@Relation %s is not loaded: %s"),
  RELATION_ENTITY_UNKNOWN(
      "RelationEntityUnknown",
      "@Relation %s: %s is not an @Entity and embeds none, so the table to load is unknown; name"
          + " it with @Relation(entity = ...)"),
  RELATION_ENTITY_NOT_IN_DATABASE(
      "RelationEntityNotInDatabase",
      "@Relation %s: %s is not an entity of database %s; add it to @Database(entities)"),
  RELATION_PARENT_COLUMN_MISSING(
      "RelationParentColumnMissing",
      "@Relation %s: parentColumn %s is not a column of the parent row; columns are: %s"),
  RELATION_ENTITY_COLUMN_MISSING(
      "RelationEntityColumnMissing",
      "@Relation %s: %s %s does not exist in %s; columns are: %s"),
  RELATION_AFFINITY_MISMATCH(
      "RelationAffinityMismatch",
      "@Relation %s: %s is %s but %s is %s; keys of different types never match in SQLite,"
          + " use the same type"),
  RELATION_JUNCTION_NO_FOREIGN_KEY(
      "RelationJunctionNoForeignKey",
      "@Relation %s: junction %s has no foreign key from %s to %s(%s); add @ForeignKey to it so"
          + " the engine keeps every link pointing at a row"),

  DATABASE_NOT_ABSTRACT(
      "DatabaseNotAbstract", "@Database must be on an interface or an abstract class"),
  DATABASE_NOT_KEYSTONE(
      "DatabaseNotKeystone", "@Database %s must extend keystone.engine.KeystoneDatabase"),
  DATABASE_BAD_ACCESSOR(
      "DatabaseBadAccessor",
      "abstract method %s of a @Database must take no parameters and return a @Dao type"),
  DATABASE_ENTITY_NOT_ENTITY(
      "DatabaseEntityNotEntity", "%s is listed in @Database(entities) but is not an @Entity"),
  DATABASE_VIEW_NOT_VIEW(
      "DatabaseViewNotView", "%s is listed in @Database(views) but is not a @DatabaseView"),
  VIEW_NOT_SELECT(
      "ViewNotSelect",
      "@DatabaseView %s must be one SELECT (or WITH ... SELECT) that leaves enforcement on;"
          + " got: %s"),
  VIEW_INVALID_SQL(
      "ViewInvalidSql",
      "@DatabaseView %s does not prepare against the tables of %s and the views listed before"
          + " it; SQLite says: %s"),
  VIEW_NAME_TAKEN(
      "ViewNameTaken",
      "view name %s is already taken by %s; give one of them another name (@DatabaseView(viewName"
          + " = ...))"),
  SCHEMA_EXPORT_FAILED(
      "SchemaExportFailed",
      "cannot write the schema export of %s to %s; fix -A%s or set @Database(exportSchema ="
          + " false)"),

  AUTO_MIGRATION_VERSIONS(
      "AutoMigrationVersions",
      "@AutoMigration(from = %d, to = %d) must go from a version >= 1 to a higher one, at most"
          + " the database's version %d"),
  AUTO_MIGRATION_DUPLICATE(
      "AutoMigrationDuplicate",
      "two @AutoMigration start from version %d; keep one (the engine takes the longest step)"),
  AUTO_MIGRATION_NO_SCHEMA_LOCATION(
      "AutoMigrationNoSchemaLocation",
      "@AutoMigration(from = %d, to = %d) compares the schemas exported for earlier versions,"
          + " but javac has no -A%s; pass -A%<s=DIR (in Maven: <compilerArgs><arg>-A%<s="
          + "${project.basedir}/schemas</arg></compilerArgs>) and commit DIR"),
  AUTO_MIGRATION_SCHEMA_MISSING(
      "AutoMigrationSchemaMissing",
      "@AutoMigration(from = %d, to = %d) needs the schema of version %d at %s, which does not"
          + " exist; compile version %3$d of %s with -Akeystone.schemaLocation and commit the"
          + " files it writes, or write this migration with Migration.of"),
  AUTO_MIGRATION_SCHEMA_UNREADABLE(
      "AutoMigrationSchemaUnreadable",
      "@AutoMigration(from = %d, to = %d) cannot read %s: %s; restore the file from version"
          + " control or export it again"),
  AUTO_MIGRATION_TABLE_GONE(
      "AutoMigrationTableGone",
      "@AutoMigration(from = %d, to = %d): table %s is gone; declare @DeleteTable(table ="
          + " \"%3$s\") or @RenameTable(from = \"%3$s\", to = ...) on its spec class"),
  AUTO_MIGRATION_COLUMN_GONE(
      "AutoMigrationColumnGone",
      "@AutoMigration(from = %d, to = %d): column %s.%s is gone; declare @DeleteColumn(table ="
          + " \"%3$s\", column = \"%4$s\") or @RenameColumn(table = \"%3$s\", from ="
          + " \"%4$s\", to = ...) on its spec class"),
  AUTO_MIGRATION_NOT_NULL_NO_DEFAULT(
      "AutoMigrationNotNullNoDefault",
      "@AutoMigration(from = %d, to = %d) adds NOT NULL column %s.%s without a default, which"
          + " the rows already in %3$s cannot get; add @Column(defaultValue = ...), make it"
          + " nullable, or write this migration with Migration.of"),
  AUTO_MIGRATION_UNKNOWN_TABLE(
      "AutoMigrationUnknownTable",
      "@%s names table %s, which version %d does not have; its tables are: %s"),
  AUTO_MIGRATION_UNKNOWN_COLUMN(
      "AutoMigrationUnknownColumn",
      "@%s names column %s.%s, which version %d does not have; its columns are: %s"),
  AUTO_MIGRATION_VALUE_TYPE_CHANGE(
      "AutoMigrationValueTypeChange",
      "@AutoMigration(from = %d, to = %d): column %s.%s changes from %s to %s (%s to %s on"
          + " PostgreSQL); its values must be rewritten and Keystone cannot know what the old ones"
          + " mean (a long may hold seconds or milliseconds). Write that step as a"
          + " Migration.of(%1$d, %2$d, db -> ...) instead: rewrite the values in the new form"
          + " (README \"Column types\"), e.g. epoch milliseconds to an Instant are"
          + " \"UPDATE %3$s SET %4$s = %4$s * 1000\" on SQLite (microseconds) and \"ALTER TABLE"
          + " %3$s ALTER COLUMN %4$s TYPE TIMESTAMPTZ USING to_timestamp(%4$s / 1000.0)\" on"
          + " PostgreSQL; or add a new column and keep the old one"),
  AUTO_MIGRATION_POSTGRES_REBUILD(
      "AutoMigrationPostgresRebuild",
      "@AutoMigration(from = %d, to = %d) %s on PostgreSQL: it %s, which PostgreSQL's ALTER"
          + " TABLE cannot do (it adds columns only at the end), and Keystone rebuilds tables on"
          + " SQLite only, so this migration fails there; declare new fields after the existing"
          + " ones, or pass PostgreSQL a Migration.of(%1$d, %2$d, ...) of your own"),
  AUTO_MIGRATION_STALE_DECLARATION(
      "AutoMigrationStaleDeclaration",
      "@%s: %s is still there in version %d, so nothing was %s; remove the declaration or fix"
          + " the name");

  private final String key;
  private final String pattern;

  Message(String key, String pattern) {
    this.key = key;
    this.pattern = pattern;
  }

  public String key() {
    return key;
  }

  /** Warnings are the few cases where the schema is legal but costly or surprising. */
  public Kind kind() {
    return switch (this) {
      case FOREIGN_KEY_NO_INDEX, RESTRICT_DEFERRED, INSERT_REPLACE_CASCADES,
          AUTO_MIGRATION_POSTGRES_REBUILD, COLUMN_SQLITE_TYPE_CONVERTS_TEXT -> Kind.WARNING;
      default -> Kind.ERROR;
    };
  }

  public String format(Object... args) {
    return "[Keystone/" + key + "] " + String.format(pattern, args);
  }
}
