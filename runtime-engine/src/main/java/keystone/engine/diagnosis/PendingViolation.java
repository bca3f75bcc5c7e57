package keystone.engine.diagnosis;

import java.util.List;
import keystone.engine.ForeignKeyViolation;
import keystone.engine.spi.ForeignKeyInfo;

/** A row of {@code foreign_key_check}, named, before it is known which side broke it. */
public record PendingViolation(ForeignKeyInfo key, Long rowid, List<Object> values) {
  String identity() {
    return key.name() + "#" + key.childTable() + "#" + rowid;
  }

  ForeignKeyViolation toViolation(ForeignKeyViolation.Kind kind) {
    return new ForeignKeyViolation(
        key.name(),
        key.childTable(),
        key.childColumns(),
        key.parentTable(),
        key.parentColumns(),
        values,
        kind);
  }
}
