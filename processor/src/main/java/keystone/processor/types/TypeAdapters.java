package keystone.processor.types;

import com.palantir.javapoet.TypeName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import keystone.processor.diagnostics.Report;
import keystone.processor.model.JavaValue;
import keystone.processor.reading.Env;
import keystone.processor.reading.MissingTypeException;
import keystone.processor.reading.ValueTypes;

/**
 * Keystone's type-adapter store: the adapter for a Java type where it is used. The scopes that
 * {@code @TypeConverters} opens (database, entity or DAO, method, field) are entered as the
 * readers walk into them; the nearest converter for a type wins, and the built-in adapters come
 * last. Each scope's converters are read once, and its mistakes reported once.
 */
public final class TypeAdapters {
  private final ConverterReader reader;
  private final Map<Element, Map<String, Converter>> read = new HashMap<>();
  private final Deque<Map<String, Converter>> scopes = new ArrayDeque<>();
  private Report problems = new Report();
  private Element database;

  public TypeAdapters(Elements elements, Types types) {
    this.reader = new ConverterReader(new Env(elements, types, this));
  }

  /** Runs {@code body} with {@code db}'s converters as the outermost scope, and only them. */
  public <T> T inDatabase(Element db, Supplier<T> body) {
    Element outer = database;
    Deque<Map<String, Converter>> saved = new ArrayDeque<>(scopes);
    scopes.clear();
    database = db;
    scopes.push(converters(db));
    try {
      return body.get();
    } finally {
      database = outer;
      scopes.clear();
      scopes.addAll(saved);
    }
  }

  /**
   * Runs {@code body} with {@code type}'s converters over the database's alone: an entity read
   * while another (a child resolving its parent) is being read sees its own scopes, not the
   * child's.
   */
  public <T> T inType(Element type, Supplier<T> body) {
    Deque<Map<String, Converter>> saved = new ArrayDeque<>(scopes);
    while (scopes.size() > 1) {
      scopes.pop();
    }
    try {
      return within(type, body);
    } finally {
      scopes.clear();
      scopes.addAll(saved);
    }
  }

  /** Runs {@code body} with {@code element}'s converters nearest. */
  public <T> T within(Element element, Supplier<T> body) {
    scopes.push(converters(element));
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  /** Which database's scope is outermost: entity models are cached per database. */
  public Element database() {
    return database;
  }

  /** The adapter for {@code type}; {@code declarations} (a field's) are the nearest scope. */
  public Optional<JavaValue> of(TypeMirror type, List<? extends Element> declarations) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(type.toString());
    }
    String key = ConverterReader.key(type);
    for (Element e : declarations) {
      Converter c = converters(e).get(key);
      if (c != null) {
        return Optional.of(converted(type, c));
      }
    }
    for (Map<String, Converter> scope : scopes) {
      Converter c = scope.get(key);
      if (c != null) {
        return Optional.of(converted(type, c));
      }
    }
    return ValueTypes.of(type);
  }

  public Optional<JavaValue> of(TypeMirror type) {
    return of(type, List.of());
  }

  /** The converter mistakes found since the last call, for the element being processed. */
  public Report drainProblems() {
    Report out = problems;
    problems = new Report();
    return out;
  }

  private static JavaValue converted(TypeMirror type, Converter c) {
    return new JavaValue(TypeName.get(type).withoutAnnotations(), new ConvertedAdapter(c),
        !type.getKind().isPrimitive());
  }

  private Map<String, Converter> converters(Element element) {
    Map<String, Converter> found = read.get(element);
    if (found == null) {
      found = element == null ? Map.of() : reader.read(element, problems);
      read.put(element, found);
    }
    return found;
  }
}
