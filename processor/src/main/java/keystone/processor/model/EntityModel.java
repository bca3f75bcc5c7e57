package keystone.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import keystone.processor.diagnostics.Source;

/** A table: everything the DDL and DAO writers need, and nothing from javax.lang.model. */
public record EntityModel(
    String qualifiedName,
    ClassName type,
    String table,
    Shape shape,
    List<ColumnModel> columns,
    List<String> primaryKey,
    boolean autoGenerate,
    List<ForeignKeyModel> foreignKeys,
    List<IndexModel> indexes,
    List<String> checks,
    Source source) {

  public EntityModel {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    indexes = List.copyOf(indexes);
    checks = List.copyOf(checks);
  }

  public Optional<ColumnModel> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnModel::name).toList();
  }

  public boolean isPrimaryKey(ColumnModel column) {
    return primaryKey.stream().anyMatch(k -> k.equalsIgnoreCase(column.name()));
  }

  public String simpleName() {
    return String.join(".", type.simpleNames());
  }
}
