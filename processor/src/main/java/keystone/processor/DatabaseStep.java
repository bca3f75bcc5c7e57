package keystone.processor;

import com.palantir.javapoet.TypeSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.migration.AutoMigrations;
import keystone.processor.model.DaoModel;
import keystone.processor.model.DatabaseModel;
import keystone.processor.model.DatabaseModel.DaoAccessor;
import keystone.processor.model.EntityModel;
import keystone.processor.reading.DaoContext;
import keystone.processor.reading.DaoReader;
import keystone.processor.reading.DatabaseReader;
import keystone.processor.reading.EntityReader;
import keystone.processor.reading.Env;
import keystone.processor.reading.ImplNames;
import keystone.processor.reading.ViewReader;
import keystone.processor.model.ViewModel;
import java.util.HashMap;
import java.util.Locale;
import keystone.processor.sql.Ddl;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.TableOrder;
import keystone.processor.sql.TableReach;
import keystone.processor.validation.EntityValidator;
import keystone.processor.validation.SchemaValidator;
import keystone.processor.writing.DaoWriter;
import keystone.processor.writing.DatabaseWriter;
import keystone.processor.writing.GeneratedFiles;
import keystone.processor.writing.SchemaFiles;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;

/**
 * One database: read, validate everything (reporting all problems), and only when the report is
 * clean write its DAOs and its {@code _Impl}.
 */
final class DatabaseStep {
  private final Env env;
  private final EntityReader entities;
  private final DatabaseReader databases;
  private final DaoReader daos;
  private final ViewReader viewReader;
  private final GeneratedFiles files;
  private final SchemaFiles schemas;
  private final AutoMigrations autoMigrations;
  private final Map<String, String> written;

  DatabaseStep(
      Env env, EntityReader entities, Filer filer, SchemaFiles schemas,
      Map<String, String> written, String roomSchemaLocation) {
    this.env = env;
    this.entities = entities;
    this.databases = new DatabaseReader(env);
    this.daos = new DaoReader(env);
    this.viewReader = new ViewReader(env);
    this.files = new GeneratedFiles(filer);
    this.schemas = schemas;
    this.autoMigrations =
        new AutoMigrations(env, schemas.location(), SchemaFiles.LOCATION_OPTION,
            roomSchemaLocation);
    this.written = written;
  }

  Report process(TypeElement db) {
    Report report = env.adapters().inDatabase(db, () -> processIn(db));
    report.addAll(env.adapters().drainProblems());
    return report;
  }

  private Report processIn(TypeElement db) {
    Report report = new Report();
    DatabaseReader.Declaration decl = databases.read(db, report);
    if (decl == null) {
      return report;
    }
    String name = db.getSimpleName().toString();
    List<EntityModel> models = new ArrayList<>();
    // Listed entities whose own errors left no model: still known, so nothing that uses them
    // reports a second error about the same mistake.
    Set<String> broken = new HashSet<>();
    boolean schemaOk = true;
    for (TypeElement type : decl.entities()) {
      EntityReader.Result r = entities.read(type, decl.naming());
      report.addAll(r.report());
      if (r.model() == null) {
        broken.add(type.getQualifiedName().toString());
        schemaOk = false;
        continue;
      }
      Report own = EntityValidator.validate(r.model());
      schemaOk &= !own.hasErrors();
      report.addAll(own);
      models.add(r.model());
    }
    Report schemaReport = SchemaValidator.validate(name, models, this::isEntity, broken);
    schemaOk &= !schemaReport.hasErrors();
    report.addAll(schemaReport);
    List<EntityModel> ordered = TableOrder.parentsFirst(models);
    Map<String, EntityModel> byType = new LinkedHashMap<>();
    for (EntityModel e : models) {
      byType.put(e.qualifiedName(), e);
    }
    try (SchemaDatabase schema = schemaOk ? SchemaDatabase.open() : null) {
      if (schema != null) {
        schemaOk = createSchema(schema, ordered, report);
      }
      DaoContext ctx =
          new DaoContext(name, byType, schemaOk ? schema : null, new TableReach(ordered))
              .withBroken(broken);
      List<ViewModel> views = schemaOk ? views(decl, ordered, ctx, report) : List.of();
      List<String> ddl = schemaOk ? Ddl.statements(ordered, views) : List.of();
      List<DaoModel> daoModels = new ArrayList<>();
      List<DaoAccessor> accessors = new ArrayList<>();
      for (DatabaseReader.Accessor a : decl.accessors()) {
        DaoModel dao = daos.read(a.dao(), ctx, report);
        if (dao != null) {
          daoModels.add(dao);
        }
        accessors.add(new DaoAccessor(a.signature(), ImplNames.of(ClassName.get(a.dao()))));
      }
      List<FieldSpec> migrations =
          schemaOk ? autoMigrations.plan(db, decl.version(), ordered, views, report) : List.of();
      if (report.hasErrors() || !schemaOk) {
        return report;
      }
      Map<DaoModel, TypeSpec> daoImpls = new LinkedHashMap<>();
      for (DaoModel dao : daoModels) {
        TypeSpec impl = DaoWriter.write(dao);
        String earlier = written.get(dao.impl().canonicalName());
        if (earlier == null) {
          daoImpls.put(dao, impl);
        } else if (!earlier.equals(impl.toString())) {
          report.add(db, Message.DAO_SHARED_REACH_DIFFERS, dao.type().simpleName());
        }
      }
      if (report.hasErrors()) {
        return report;
      }
      daoImpls.forEach((dao, impl) -> {
        written.put(dao.impl().canonicalName(), impl.toString());
        files.write(dao.impl().packageName(), impl);
      });
      ClassName type = ClassName.get(db);
      List<Element> origins = new ArrayList<>();
      origins.add(db);
      origins.addAll(decl.entities());
      origins.addAll(decl.views());
      decl.accessors().forEach(a -> origins.add(a.dao()));
      DatabaseModel model = new DatabaseModel(type, ImplNames.of(type),
          db.getKind() == ElementKind.INTERFACE, decl.version(), ordered, ddl, accessors,
          decl.delegates(), origins, views);
      if (written.putIfAbsent(model.impl().canonicalName(), "") == null) {
        var impl = DatabaseWriter.write(model);
        if (!migrations.isEmpty()) {
          impl = impl.toBuilder().addFields(migrations).build();
        }
        files.write(model.impl().packageName(), impl);
        if (decl.exportSchema()) {
          String failure = schemas.write(model);
          if (failure != null) {
            report.add(decl.exportSource(), Message.SCHEMA_EXPORT_FAILED, name, failure,
                SchemaFiles.LOCATION_OPTION);
          }
        }
      }
    } catch (SQLException e) {
      report.add(db, Message.INTERNAL_ERROR, "cannot open SQLite to check the schema: " + e);
    }
    return report;
  }

  /** Each view in the order listed, created in the schema so that later ones may read it. */
  private List<ViewModel> views(
      DatabaseReader.Declaration decl, List<EntityModel> tables, DaoContext ctx, Report report) {
    Map<String, String> taken = new HashMap<>();
    tables.forEach(
        e -> taken.put(e.table().toLowerCase(Locale.ROOT), "table of " + e.simpleName()));
    List<ViewModel> out = new ArrayList<>();
    for (TypeElement type : decl.views()) {
      viewReader.read(type, decl.naming(), ctx, taken, report).ifPresent(v -> {
        out.add(v);
        ctx.viewReads().put(v.qualifiedName(), v.reads());
      });
    }
    return out;
  }

  /** SQLite has the last word on the DDL (CHECK expressions, defaults, names). */
  private static boolean createSchema(
      SchemaDatabase schema, List<EntityModel> ordered, Report report) {
    boolean ok = true;
    for (EntityModel e : ordered) {
      String ddl = Ddl.createTable(e);
      String error = schema.execute(ddl);
      if (error == null) {
        for (var index : e.indexes()) {
          error = schema.execute(Ddl.createIndex(e, index));
          if (error != null) {
            ddl = Ddl.createIndex(e, index);
            break;
          }
        }
      }
      if (error != null) {
        report.add(e.source(), Message.SCHEMA_INVALID, e.table(), error, ddl);
        ok = false;
      }
    }
    return ok;
  }

  private boolean isEntity(String qualifiedName) {
    TypeElement t = env.typeElement(qualifiedName);
    return t != null && EntityReader.isEntity(t);
  }
}
