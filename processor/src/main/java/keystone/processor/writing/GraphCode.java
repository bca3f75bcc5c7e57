package keystone.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.Modifier;
import keystone.processor.types.RelationKey;
import keystone.processor.model.RelationModel;
import keystone.processor.model.ResultModel;
import keystone.processor.model.ResultModel.ResultProperty;
import keystone.processor.model.Shape;

/**
 * Code that builds result objects, and object graphs whose {@code @Relation} properties are
 * loaded level by level: the parent rows are read first, each property into a list; then every
 * relation runs one query per chunk of distinct parent keys ({@code IN (?, ...)}); then the
 * objects are built from the lists and the related rows grouped by key. The number of queries
 * depends on the number of levels and keys, never on one query per parent row.
 */
final class GraphCode {
  /**
   * Keys per relation query: under SQLite's limit on host parameters, 999 before 3.32
   * (https://www.sqlite.org/limits.html#max_variable_number), so any build accepts it.
   */
  static final int CHUNK = 900;

  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName HASH_MAP = ClassName.get("java.util", "HashMap");
  private static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  private static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

  private final DaoWriter.Constants members;

  GraphCode(DaoWriter.Constants members) {
    this.members = members;
  }

  /** Statements declaring {@code var}, the object of {@code r} built from the current row. */
  static CodeBlock fromRow(ResultModel r, String var, Names names) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (r.scalar() != null) {
      // A projected relation of one column's values.
      return b.addStatement("$T $L = $L", r.type(), var, Values.read(r.scalar(), 0)).build();
    }
    List<CodeBlock> values = new ArrayList<>();
    for (ResultProperty p : r.properties()) {
      if (p.embedded() != null) {
        String part = names.fresh(p.property());
        b.add(fromRow(p.embedded(), part, names));
        values.add(CodeBlock.of("$L", part));
      } else if (p.column() >= 0) {
        values.add(Values.read(p.value(), p.column()));
      } else {
        values.add(null);
      }
    }
    return b.add(construct(r, var, values)).build();
  }

  /** Declares {@code var} as a new object with these property values (null: left unset). */
  static CodeBlock construct(ResultModel r, String var, List<CodeBlock> values) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (r.shape() == Shape.RECORD) {
      List<CodeBlock> args = new ArrayList<>();
      for (CodeBlock v : values) {
        args.add(v == null ? CodeBlock.of("null") : v);
      }
      return b.addStatement("$T $L = new $T(\n$>$>$L$<$<)", r.type(), var, r.type(),
          CodeBlock.join(args, ",\n")).build();
    }
    List<CodeBlock> args = new ArrayList<>();
    for (int i : r.arguments()) {
      args.add(values.get(i) == null ? CodeBlock.of("null") : values.get(i));
    }
    if (args.isEmpty()) {
      b.addStatement("$T $L = new $T()", r.type(), var, r.type());
    } else {
      b.addStatement("$T $L = new $T(\n$>$>$L$<$<)", r.type(), var, r.type(),
          CodeBlock.join(args, ",\n"));
    }
    for (int i = 0; i < values.size(); i++) {
      ResultProperty p = r.properties().get(i);
      if (values.get(i) == null || r.arguments().contains(i)) {
        continue;
      }
      if (p.setter().field()) {
        b.addStatement("$L.$L = $L", var, p.setter().name(), values.get(i));
      } else {
        b.addStatement("$L.$L($L)", var, p.setter().name(), values.get(i));
      }
    }
    return b.build();
  }

  /** The lists one level of rows is gathered into before its relations are loaded. */
  final class Level {
    private final ResultModel r;
    private final Names names;
    private final List<String> lists = new ArrayList<>();
    private final String rows;

    Level(ResultModel r, Names names) {
      this.r = r;
      this.names = names;
      for (ResultProperty p : r.properties()) {
        String suffix = p.relation() != null ? "Keys" : p.embedded() != null ? "Parts" : "Values";
        lists.add(names.fresh(p.property() + suffix));
      }
      this.rows = names.fresh("rows");
    }

    /** Declares the lists. */
    CodeBlock declare() {
      CodeBlock.Builder b = CodeBlock.builder().addStatement("int $L = 0", rows);
      for (int i = 0; i < lists.size(); i++) {
        b.addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(LIST, elementType(i)),
            lists.get(i), ARRAY_LIST);
      }
      return b.build();
    }

    /** Adds the current row to the lists. */
    CodeBlock collect() {
      CodeBlock.Builder b = CodeBlock.builder().addStatement("$L++", rows);
      for (int i = 0; i < lists.size(); i++) {
        ResultProperty p = r.properties().get(i);
        if (p.relation() != null) {
          b.addStatement("$L.add($L)", lists.get(i),
              readKey(p.relation().key(), p.relation().parentColumn()));
        } else if (p.embedded() != null) {
          String part = names.fresh(p.property());
          b.add(fromRow(p.embedded(), part, names))
              .addStatement("$L.add($L)", lists.get(i), part);
        } else {
          b.addStatement("$L.add($L)", lists.get(i),
              p.column() < 0 ? CodeBlock.of("null") : Values.read(p.value(), p.column()));
        }
      }
      return b.build();
    }

    /**
     * Loads every relation, then runs {@code sink} (given the built object's local and the row
     * index) once per row, in row order.
     */
    CodeBlock build(BiFunction<String, String, CodeBlock> sink) {
      CodeBlock.Builder b = CodeBlock.builder();
      List<String> maps = new ArrayList<>();
      for (int i = 0; i < lists.size(); i++) {
        RelationModel rel = r.properties().get(i).relation();
        if (rel == null) {
          maps.add(null);
          continue;
        }
        String map = names.fresh(r.properties().get(i).property() + "ByKey");
        maps.add(map);
        b.addStatement("$T $L = $L(scope, $L)", mapType(rel), map, loader(rel), lists.get(i));
      }
      String i = names.fresh("i");
      String row = names.fresh("row");
      b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, rows, i);
      List<CodeBlock> values = new ArrayList<>();
      for (int k = 0; k < lists.size(); k++) {
        ResultProperty p = r.properties().get(k);
        RelationModel rel = p.relation();
        CodeBlock key = CodeBlock.of("$L.get($L)", lists.get(k), i);
        if (rel == null) {
          values.add(p.embedded() == null && p.column() < 0 ? null : key);
          continue;
        }
        switch (rel.container()) {
          case LIST -> values.add(
              CodeBlock.of("$L.getOrDefault($L, $T.of())", maps.get(k), key, LIST));
          case SET -> values.add(CodeBlock.of("new $T<>($L.getOrDefault($L, $T.of()))",
              LINKED_HASH_SET, maps.get(k), key, LIST));
          case SINGLE -> {
            String found = names.fresh(p.property() + "Rows");
            b.addStatement("$T $L = $L.get($L)",
                ParameterizedTypeName.get(LIST, rel.row().type()), found, maps.get(k), key);
            values.add(CodeBlock.of("$L == null ? null : $L.get(0)", found, found));
          }
          default -> throw new IllegalStateException(rel.container().toString());
        }
      }
      return b.add(construct(r, row, values)).add(sink.apply(row, i)).endControlFlow().build();
    }

    private TypeName elementType(int i) {
      ResultProperty p = r.properties().get(i);
      if (p.relation() != null) {
        return keyType(p.relation().key());
      }
      return Values.boxed(p.type());
    }
  }

  /**
   * The name of the method loading {@code rel}, written on first use. Related rows with
   * relations of their own load the next level the same way, once for all their parents.
   */
  String loader(RelationModel rel) {
    String name = members.method(rel.loader(), rel);
    if (name == null) {
      return members.nameOf(rel);
    }
    TypeName key = keyType(rel.key());
    Names names = new Names(List.of("scope", "keys", "st", "k"));
    String pending = names.fresh("pending");
    String from = names.fresh("from");
    String chunk = names.fresh("chunk");
    String sql = names.fresh("sql");
    String out = names.fresh("byKey");
    // Rows with relations of their own are gathered first, so that the next level is loaded
    // once for all of them; plain rows go straight into their group.
    boolean nested = rel.row().hasRelations();
    Level level = nested ? new Level(rel.row(), names) : null;
    String groups = nested ? names.fresh("groupKeys") : null;
    String select = members.add(rel.loader(), rel.selectSql());
    String size = members.chunkConstant();
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T $L = new $T<>(new $T<>(keys))",
            ParameterizedTypeName.get(LIST, key), pending, ARRAY_LIST, LINKED_HASH_SET)
        // NULL keys match nothing in SQL (https://www.sqlite.org/nulls.html).
        .addStatement("$L.removeIf($T::isNull)", pending, OBJECTS)
        .addStatement("$T $L = new $T<>()", mapType(rel), out, HASH_MAP);
    if (nested) {
      b.add(level.declare())
          .addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(LIST, key), groups,
              ARRAY_LIST);
    }
    CodeBlock perRow;
    if (nested) {
      perRow = CodeBlock.builder()
          .addStatement("$L.add($L)", groups, readKey(rel.key(), rel.keyColumn()))
          .add(level.collect())
          .build();
    } else {
      String row = names.fresh("row");
      perRow = CodeBlock.builder()
          .add(fromRow(rel.row(), row, names))
          .addStatement("$L.computeIfAbsent($L, k -> new $T<>()).add($L)", out,
              readKey(rel.key(), rel.keyColumn()), ARRAY_LIST, row)
          .build();
    }
    b.beginControlFlow("for (int $L = 0; $L < $L.size(); $L += $L)", from, from, pending,
            from, size)
        .addStatement("$T $L = $L.subList($L, Math.min($L + $L, $L.size()))",
            ParameterizedTypeName.get(LIST, key), chunk, pending, from, from, size, pending)
        .addStatement("$T $L = new $T($L)", StringBuilder.class, sql, StringBuilder.class,
            select)
        .beginControlFlow("for (int i = 0; i < $L.size(); i++)", chunk)
        .addStatement("$L.append(i == 0 ? $S : $S)", sql, "?", ", ?")
        .endControlFlow()
        .addStatement("$T st = scope.prepare($L.append(')').toString())",
            GeneratedFiles.SQL_STATEMENT, sql)
        .beginControlFlow("for (int i = 0; i < $L.size(); i++)", chunk)
        .add(bindKey(rel.key(), CodeBlock.of("i + 1"), CodeBlock.of("$L.get(i)", chunk)))
        .endControlFlow()
        .beginControlFlow("try")
        .beginControlFlow("while (st.step())")
        .add(perRow)
        .endControlFlow()
        .nextControlFlow("finally")
        .addStatement("st.reset()")
        .endControlFlow()
        .endControlFlow();
    if (nested) {
      b.add(level.build((row, i) -> CodeBlock.builder()
          .addStatement("$L.computeIfAbsent($L.get($L), k -> new $T<>()).add($L)", out, groups,
              i, ARRAY_LIST, row)
          .build()));
    }
    b.addStatement("return $L", out);
    members.addMethod(MethodSpec.methodBuilder(name)
        .addJavadoc("Related rows by parent key, $L keys per query of {@code $L}.\n", size,
            select)
        .addModifiers(Modifier.PRIVATE)
        .returns(mapType(rel))
        .addParameter(GeneratedFiles.CALL_SCOPE, "scope")
        .addParameter(ParameterizedTypeName.get(COLLECTION, key), "keys")
        .addCode(b.build())
        .build());
    return name;
  }

  private static TypeName mapType(RelationModel rel) {
    return ParameterizedTypeName.get(MAP, keyType(rel.key()),
        ParameterizedTypeName.get(LIST, rel.row().type()));
  }

  static TypeName keyType(RelationKey key) {
    return key.adapter().boxedType();
  }

  /** Keys are read as their {@link RelationKey} says, so an int and a long give equal keys. */
  private static CodeBlock readKey(RelationKey key, int column) {
    return key.adapter().read(key.value(keyType(key)), column);
  }

  private static CodeBlock bindKey(RelationKey key, CodeBlock index, CodeBlock value) {
    return key.adapter().bind(key.value(keyType(key)), index, value);
  }

  static FieldSpec chunkField(String name) {
    return FieldSpec.builder(int.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Keys per relation query, under SQLite's host-parameter limit.\n")
        .initializer("$L", CHUNK)
        .build();
  }
}
