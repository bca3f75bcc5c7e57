package keystone.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A database: its schema in creation order and what its {@code _Impl} exposes.
 *
 * @param entities entities, parents first
 * @param ddl CREATE TABLE statements, then CREATE INDEX, then CREATE VIEW statements
 * @param daos one accessor per DAO
 * @param delegates the {@code KeystoneDatabase} methods forwarded to the engine
 * @param origins the database, its entities and DAOs: the originating elements of every file
 *     written for it, so an incremental build knows what to redo when one of them changes
 * @param views the {@code @DatabaseView}s in creation order
 */
public record DatabaseModel(
    ClassName type,
    ClassName impl,
    boolean isInterface,
    int version,
    List<EntityModel> entities,
    List<String> ddl,
    List<DaoAccessor> daos,
    List<Delegate> delegates,
    List<Element> origins,
    List<ViewModel> views) {

  public DatabaseModel {
    entities = List.copyOf(entities);
    ddl = List.copyOf(ddl);
    daos = List.copyOf(daos);
    delegates = List.copyOf(delegates);
    origins = List.copyOf(origins);
    views = List.copyOf(views);
  }

  /** A no-argument accessor and the DAO implementation it returns. */
  public record DaoAccessor(MethodSpec signature, ClassName daoImpl) {}

  /** An abstract {@code KeystoneDatabase} method, forwarded with the same arguments. */
  public record Delegate(MethodSpec signature, boolean returnsVoid) {}
}
