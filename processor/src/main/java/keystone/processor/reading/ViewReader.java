package keystone.processor.reading;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import keystone.Naming;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Source;
import keystone.processor.model.ViewModel;
import keystone.processor.sql.Ddl;
import keystone.processor.sql.EnforcementGuard;
import keystone.processor.sql.SchemaDatabase;
import keystone.processor.sql.SqlNames;

/**
 * Reads a {@code @DatabaseView} and creates it in the database's schema, so that SQLite checks
 * its SELECT, names its columns, and lets later views and every {@code @Query} read it.
 */
public final class ViewReader {
  public static final String VIEW = "keystone.DatabaseView";

  private final Annotations annotations;
  private final ResultReader results;

  public ViewReader(Env env) {
    this.annotations = new Annotations(env);
    this.results = new ResultReader(env);
  }

  /**
   * The view, created in {@code ctx.schema()}; empty when the report got errors.
   *
   * @param naming the database's {@code @Database(naming)}, which names the view by default
   * @param taken lower-case names already used by a table or an earlier view, with their owner
   */
  public Optional<ViewModel> read(TypeElement type, Naming naming, DaoContext ctx,
      Map<String, String> taken, Report report) {
    AnnotationMirror a = Annotations.find(type, VIEW).orElseThrow();
    Source at = new Source(type, a, null);
    String sql = annotations.string(a, "value").strip();
    String postgres = annotations.string(a, "postgres").strip();
    String name = annotations.string(a, "viewName");
    if (name.isEmpty()) {
      // The database's naming, as for a table: snake_case, or the simple name as Room has it.
      name = new EntityNaming(naming).table(type);
    }
    Source value = at.attribute("value");
    for (String select : postgres.isEmpty() ? List.of(sql) : List.of(sql, postgres)) {
      boolean guarded = EnforcementGuard.offending(select).isPresent()
          || EnforcementGuard.offendingOnPostgres(select).isPresent();
      if (guarded || !QueryReader.readOnly(select) || select.contains(";")) {
        report.add(select == sql ? value : at.attribute("postgres"), Message.VIEW_NOT_SELECT,
            type.getSimpleName(), select);
        return Optional.empty();
      }
    }
    String owner = taken.putIfAbsent(name.toLowerCase(Locale.ROOT),
        "@DatabaseView " + type.getQualifiedName());
    if (owner != null) {
      report.add(at.attribute("viewName"), Message.VIEW_NAME_TAKEN, name, owner);
      return Optional.empty();
    }
    String error = ctx.schema().execute(Ddl.createView(name, sql));
    SchemaDatabase.Prepared prepared = error != null ? null
        : ctx.schema().prepare("SELECT * FROM " + SqlNames.quote(name));
    if (error == null && prepared.error() != null) {
      ctx.schema().execute("DROP VIEW " + SqlNames.quote(name));
      error = prepared.error();
    }
    if (error != null) {
      report.add(value, Message.VIEW_INVALID_SQL, type.getSimpleName(), ctx.database(), error);
      return Optional.empty();
    }
    Report own = new Report();
    results.read(type.asType(), prepared.columns(), at, own, ctx);
    report.addAll(own);
    if (own.hasErrors()) {
      return Optional.empty();
    }
    Set<String> reads =
        ctx.schema().tablesOpened("SELECT * FROM " + SqlNames.quote(name), false);
    return Optional.of(new ViewModel(type.getQualifiedName().toString(), ClassName.get(type),
        name, sql, postgres.isEmpty() ? sql : postgres, prepared.columns(),
        reads == null ? ctx.tables().names() : List.copyOf(reads), at));
  }
}
