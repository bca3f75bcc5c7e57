package keystone.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import keystone.processor.model.DaoMethodModel;
import keystone.processor.model.DaoModel;
import keystone.processor.sql.SqlNames;
import keystone.processor.types.Converter;

/** Renders {@code <Dao>_Impl} from a {@link DaoModel}. */
public final class DaoWriter {
  private DaoWriter() {}

  public static TypeSpec write(DaoModel dao) {
    TypeSpec.Builder type = GeneratedFiles.classBuilder(dao.impl(), List.of(dao.origin()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    if (dao.isInterface()) {
      type.addSuperinterface(dao.type());
    } else {
      type.superclass(dao.type());
    }
    type.addField(GeneratedFiles.ENGINE, "engine", Modifier.PRIVATE, Modifier.FINAL);
    Constants constants = new Constants(type, dao);
    Values.collectConverters();
    for (DaoMethodModel m : dao.methods()) {
      MethodSpec.Builder method = m.signature().toBuilder();
      type.addMethod(method.addCode(body(dao, m, constants)).build());
    }
    Set<String> fields = new HashSet<>();
    for (Converter c : Values.collectConverters()) {
      if (fields.add(c.field())) {
        // One instance per DAO, called directly: no lookup per call.
        type.addField(FieldSpec.builder(c.owner(), c.field(), Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", c.owner())
            .build());
      }
    }
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addParameter(GeneratedFiles.ENGINE, "engine")
        .addStatement("this.engine = engine")
        .addCode(constants.constructor.build())
        .build());
    return type.build();
  }

  private static CodeBlock body(DaoModel dao, DaoMethodModel m, Constants constants) {
    return body(dao, m, constants, true);
  }

  /**
   * @param asFlow whether an observed query is returned as the {@code Flow.Publisher} its model
   *     declares, or (for the RxJava methods, which must not need {@code Flow}) as is
   */
  private static CodeBlock body(
      DaoModel dao, DaoMethodModel m, Constants constants, boolean asFlow) {
    if (m instanceof DaoMethodModel.Insert i) {
      return WriteMethods.insert(i, constants);
    } else if (m instanceof DaoMethodModel.UpdateOrDelete u) {
      return WriteMethods.updateOrDelete(u, constants);
    } else if (m instanceof DaoMethodModel.Query q) {
      return QueryMethods.query(q, constants, asFlow);
    } else if (m instanceof DaoMethodModel.RawQuery r) {
      return QueryMethods.raw(r, constants, asFlow);
    } else if (m instanceof DaoMethodModel.Rx rx) {
      return RxMethods.rx(rx, body(dao, rx.inner(), constants, false), constants);
    }
    return transaction(dao, (DaoMethodModel.Transaction) m);
  }

  private static CodeBlock transaction(DaoModel dao, DaoMethodModel.Transaction t) {
    MethodSpec sig = t.signature();
    String args = String.join(", ", sig.parameters().stream().map(p -> p.name()).toList());
    CodeBlock call = dao.isInterface()
        ? CodeBlock.of("$T.super.$L($L)", dao.type(), sig.name(), args)
        : CodeBlock.of("super.$L($L)", sig.name(), args);
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T scope = engine.begin(true)", GeneratedFiles.CALL_SCOPE)
        .beginControlFlow("try");
    if (t.returnsVoid()) {
      b.addStatement("$L", call).addStatement("scope.succeed()");
    } else {
      b.addStatement("$T result = $L", sig.returnType(), call)
          .addStatement("scope.succeed()")
          .addStatement("return result");
    }
    return b.nextControlFlow("finally").addStatement("scope.end()").endControlFlow().build();
  }

  /**
   * The members a DAO's methods share: SQL text and table sets as {@code private static final}
   * constants, one per method, and private helper methods written once each.
   */
  static final class Constants {
    private final TypeSpec.Builder type;
    private final Set<String> used = new HashSet<>();
    private final Set<String> methodNames = new HashSet<>();
    private final Map<Object, String> helpers = new HashMap<>();
    private final CodeBlock.Builder constructor = CodeBlock.builder();
    private final DaoModel dao;

    Constants(TypeSpec.Builder type, DaoModel dao) {
      this.type = type;
      this.dao = dao;
      dao.methods().forEach(m -> methodNames.add(m.signature().name()));
    }

    String add(String method, String sql) {
      String name = field("SQL_", method);
      constant(TypeName.get(String.class), name, CodeBlock.of("$S", sql));
      return name;
    }

    /**
     * SQL that differs by dialect, as a {@code String} or a {@code String[]} of fragments: a
     * constant for each dialect, and a final field that the constructor sets once from the
     * engine's dialect, so that a call pays no branch. Returns the field's name.
     */
    String byDialect(String method, TypeName javaType, CodeBlock sqlite, CodeBlock postgres) {
      String constant = field("SQL_", method);
      String pgConstant = field("SQL_", method + "Postgres");
      constant(javaType, constant, sqlite);
      constant(javaType, pgConstant, postgres);
      String base = "sql" + Character.toUpperCase(method.charAt(0)) + method.substring(1);
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + i;
      }
      type.addField(javaType, name, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$L = engine.dialect() == $T.POSTGRES ? $L : $L", name,
          GeneratedFiles.DIALECT, pgConstant, constant);
      return name;
    }

    /**
     * Tables by name as a constant, {@code CHANGES_} for what a write may change and
     * {@code READS_} for what an observed query reads, and the field holding their indexes in
     * {@code Schema.tables()}, which the constructor looks up once: by name, because a DAO
     * shared by several databases is generated once, and their tables need not be in one order.
     * Returns the field's name.
     */
    String tables(String prefix, String method, List<Integer> tables, String why) {
      String constant = field(prefix, method);
      CodeBlock names = CodeBlock.join(
          tables.stream().map(dao.tables()::get).sorted().map(t -> CodeBlock.of("$S", t)).toList(),
          ", ");
      type.addField(FieldSpec.builder(String[].class, constant,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L\n", why)
          .initializer("{$L}", names)
          .build());
      String name = camel(constant);
      type.addField(int[].class, name, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$L = engine.tableIndexes($L)", name, constant);
      return name;
    }

    /** The constant holding how many keys one relation query binds, declared on first use. */
    String chunkConstant() {
      String name = "KEYS_PER_QUERY";
      if (used.add(name)) {
        type.addField(GraphCode.chunkField(name));
      }
      return name;
    }

    /**
     * A fresh private method name for {@code key}, or null when a method for an equal key was
     * already written (then {@link #nameOf} gives its name).
     */
    String method(String base, Object key) {
      if (helpers.containsKey(key)) {
        return null;
      }
      String name = base;
      for (int i = 2; !methodNames.add(name); i++) {
        name = base + i;
      }
      helpers.put(key, name);
      return name;
    }

    String nameOf(Object key) {
      return helpers.get(key);
    }

    /**
     * A private helper {@code base} (made unique) returning {@code returns}, with the parameters
     * of {@code like}, written once for {@code key}; returns its name.
     */
    String privateMethod(
        String base, Object key, TypeName returns, MethodSpec like, CodeBlock body) {
      String name = method(base, key);
      addMethod(MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE)
          .returns(returns)
          .addParameters(like.parameters())
          .varargs(like.varargs())
          .addCode(body)
          .build());
      return name;
    }

    void addMethod(MethodSpec method) {
      type.addMethod(method);
    }

    /** A {@code private static final} constant {@code <PREFIX><METHOD>}; returns its name. */
    String constant(String prefix, String method, TypeName javaType, CodeBlock value) {
      String name = field(prefix, method);
      constant(javaType, name, value);
      return name;
    }

    private void constant(TypeName javaType, String name, CodeBlock value) {
      type.addField(FieldSpec.builder(javaType, name,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(value)
          .build());
    }

    /** CHANGES_DELETE_USER -> changesDeleteUser, unique among the fields. */
    private String camel(String constant) {
      StringBuilder base = new StringBuilder();
      for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
        base.append(base.length() == 0 ? part
            : Character.toUpperCase(part.charAt(0)) + part.substring(1));
      }
      String name = base.toString();
      for (int i = 2; !used.add(name); i++) {
        name = base + "" + i;
      }
      return name;
    }

    private String field(String prefix, String method) {
      String base = prefix + SqlNames.snakeCase(method).toUpperCase(Locale.ROOT);
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + "_" + i;
      }
      return name;
    }
  }
}
