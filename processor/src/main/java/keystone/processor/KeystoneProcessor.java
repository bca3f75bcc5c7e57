package keystone.processor;

import com.google.auto.service.AutoService;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import keystone.Naming;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.diagnostics.Reporter;
import keystone.processor.diagnostics.Source;
import keystone.processor.migration.AutoMigrations;
import keystone.processor.reading.Annotations;
import keystone.processor.reading.DatabaseReader;
import keystone.processor.reading.EntityReader;
import keystone.processor.reading.Env;
import keystone.processor.types.TypeAdapters;
import keystone.processor.reading.MissingTypeException;
import keystone.processor.writing.SchemaFiles;

/**
 * Entry point. Each round reads every {@code @Entity} (to report problems even when no database
 * lists it) and every {@code @Database}, which drives DDL and DAO generation. Elements that need
 * types not generated yet wait for a later round.
 */
@AutoService(Processor.class)
public final class KeystoneProcessor extends AbstractProcessor {
  /** Element name -> the type it is waiting for, as last seen. */
  private final Map<String, MissingTypeException> deferred = new LinkedHashMap<>();
  /** Generated type -> its source, for DAOs that several databases share. */
  private final Map<String, String> written = new LinkedHashMap<>();
  private Reporter reporter;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("keystone.Entity", "keystone.Dao", DatabaseReader.DATABASE);
  }

  /** {@code -Akeystone.schemaLocation=DIR}: also write the schema export to DIR. */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SchemaFiles.LOCATION_OPTION, AutoMigrations.ROOM_LOCATION_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      reporter = new Reporter(processingEnv.getMessager());
    }
    Env env = new Env(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
        new TypeAdapters(processingEnv.getElementUtils(), processingEnv.getTypeUtils()));
    Set<TypeElement> entityTypes = new LinkedHashSet<>();
    Set<TypeElement> databases = new LinkedHashSet<>();
    for (String name : deferred.keySet()) {
      TypeElement e = env.typeElement(name);
      if (e != null) {
        (EntityReader.isEntity(e) ? entityTypes : databases).add(e);
      }
    }
    deferred.clear();
    for (Element e : round.getElementsAnnotatedWith(env.typeElement(EntityReader.ENTITY))) {
      if (e instanceof TypeElement type) {
        entityTypes.add(type);
      }
    }
    for (Element e : round.getElementsAnnotatedWith(env.typeElement(DatabaseReader.DATABASE))) {
      if (e instanceof TypeElement type) {
        databases.add(type);
      }
    }
    EntityReader entities = new EntityReader(env);
    Map<String, Naming> naming = namingOfListedEntities(env, databases);
    for (TypeElement type : entityTypes) {
      if (naming.containsKey(type.getQualifiedName().toString())) {
        continue;   // read in its database's scope, whose naming and converters it may need
      }
      if (type.getKind() == ElementKind.CLASS
          && type.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;   // a superclass carrying indices for inheritSuperIndices, as in Room
      }
      guarded(type, () -> {
        Report report = entities.read(type, Naming.SNAKE_CASE).report();
        report.addAll(env.adapters().drainProblems());
        reporter.print(report);
      });
    }
    DatabaseStep step =
        new DatabaseStep(env, entities, processingEnv.getFiler(), schemaFiles(), written,
            processingEnv.getOptions().get(AutoMigrations.ROOM_LOCATION_OPTION));
    for (TypeElement db : databases) {
      guarded(db, () -> reporter.print(step.process(db)));
    }
    if (round.processingOver()) {
      // Deferred elements were retried at the start of this last round, so each exception
      // holds elements of this round, whose positions javac still knows.
      for (Map.Entry<String, MissingTypeException> d : deferred.entrySet()) {
        TypeElement e = env.typeElement(d.getKey());
        Source at = d.getValue().source();
        if (at == null) {
          String annotation =
              EntityReader.isEntity(e) ? EntityReader.ENTITY : DatabaseReader.DATABASE;
          at = new Source(e, Annotations.find(e, annotation).orElse(null), null);
        }
        Report report = new Report();
        report.add(at, Message.MISSING_TYPE, d.getValue().describe(), d.getKey());
        reporter.print(report);
      }
      deferred.clear();
    }
    return false;
  }

  /**
   * Each entity read alone is read with the naming of a database that lists it, so that its
   * problems read the same as when that database reads it, and print once.
   */
  private Map<String, Naming> namingOfListedEntities(Env env, Set<TypeElement> databases) {
    DatabaseReader reader = new DatabaseReader(env);
    Map<String, Naming> out = new LinkedHashMap<>();
    for (TypeElement db : databases) {
      try {
        Naming n = reader.naming(db);
        reader.listedEntities(db).forEach(e -> out.putIfAbsent(e.getQualifiedName().toString(), n));
      } catch (RuntimeException e) {
        // Reported when the database itself is processed.
      }
    }
    return out;
  }

  private SchemaFiles schemaFiles() {
    return new SchemaFiles(
        processingEnv.getFiler(), processingEnv.getOptions().get(SchemaFiles.LOCATION_OPTION));
  }

  /** One element's failure never stops the others, nor crashes javac. */
  private void guarded(TypeElement element, Runnable work) {
    try {
      work.run();
    } catch (MissingTypeException e) {
      deferred.put(element.getQualifiedName().toString(), e);
    } catch (RuntimeException | LinkageError e) {
      Report report = new Report();
      report.add(element, Message.INTERNAL_ERROR, e);
      reporter.print(report);
    }
  }
}
