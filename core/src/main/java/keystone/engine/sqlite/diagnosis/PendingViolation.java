package keystone.engine.sqlite.diagnosis;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.spi.ForeignKeyInfo;
import keystone.engine.sqlite.SortableDecimal;

/**
 * A row of {@code foreign_key_check}, named, before it is known which side broke it.
 *
 * @param row which child row: its rowid, or its primary key values in a WITHOUT ROWID table, or
 *     null when unknown
 */
public record PendingViolation(ForeignKeyInfo key, Object row, List<Object> values) {
  String identity() {
    return key.name() + "#" + key.childTable() + "#" + row;
  }

  ForeignKeyViolation toViolation(ForeignKeyViolation.Kind kind) {
    // Decimals stored in the sortable form (Android) read as the plain numbers they are.
    // Not Stream.toList(), which Android 9 (API 28) lacks; the same unmodifiable list.
    List<Object> readable = values.stream().map(SortableDecimal::readable)
        .collect(Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList));
    return new ForeignKeyViolation(
        key.name(),
        key.childTable(),
        key.childColumns(),
        key.parentTable(),
        key.parentColumns(),
        readable,
        kind,
        key.sqliteText(readable));
  }
}
