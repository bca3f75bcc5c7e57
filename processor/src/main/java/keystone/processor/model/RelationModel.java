package keystone.processor.model;

import keystone.processor.types.RelationKey;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A {@code @Relation} property: the related rows of every parent are loaded by one query per
 * chunk of parent keys, {@code selectSql} followed by as many placeholders as keys and {@code )}.
 *
 * @param loader the name of the generated method that loads it
 * @param container how the rows of one parent are held
 * @param fieldType the property's declared type
 * @param key the storage class the keys are compared in, so that an {@code int} parent column
 *     and a {@code long} child column meet as the same key (both INTEGER in SQLite)
 * @param parentColumn the parent row's column holding the key
 * @param selectSql the query up to and including {@code IN (}
 * @param keyColumn the related query's column holding the parent key of each row
 * @param row what each related row becomes; it may have relations of its own
 * @param tables indexes of the tables the load reads, nested relations included
 */
public record RelationModel(
    String loader,
    Container container,
    TypeName fieldType,
    RelationKey key,
    int parentColumn,
    String selectSql,
    int keyColumn,
    ResultModel row,
    List<Integer> tables) {

  public RelationModel {
    tables = List.copyOf(tables);
  }

  /** The declared shape of a relation property. */
  public enum Container {
    LIST,
    SET,
    /** One related row or null: a one-to-one or many-to-one relation. */
    SINGLE
  }
}
