package keystone.processor.reading;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import keystone.processor.diagnostics.Message;
import keystone.processor.diagnostics.Report;
import keystone.processor.model.Access;
import keystone.processor.model.ColumnModel;
import keystone.processor.model.EntityModel;

/**
 * Generated code lives in the DAO's package, and entities often live in another (Room apps keep
 * them in {@code model} and DAOs in {@code dao}). Every member that code would use must be
 * reachable from there (JLS 6.6); one that is not is an error on that member, never generated
 * code that javac rejects.
 */
final class Reachability {
  private final Env env;

  Reachability(Env env) {
    this.env = env;
  }

  /** A result type built by {@code creator} (null for a record) and its properties' setters. */
  boolean check(
      TypeElement type, Constructors.Choice creator, List<Property> props, DaoContext ctx,
      Report report) {
    if (ctx.implPackage() == null) {
      return true;
    }
    boolean ok = checkType(type, ctx, report);
    if (creator != null && creator.onlyFrom() != null
        && !creator.onlyFrom().equals(ctx.implPackage())) {
      report.add(creator.constructor(), Message.MEMBER_NOT_REACHABLE, ctx.impl(),
          ctx.implPackage(), "its constructor", type.getSimpleName(), creator.onlyFrom(), "");
      ok = false;
    }
    for (int i = 0; i < props.size(); i++) {
      Property p = props.get(i);
      boolean byConstructor = creator == null || creator.takes(i);
      if (!byConstructor && p.setter() != null) {
        ok &= checkMember(type, p.element(), p.setter(), ctx, report);
      }
    }
    return ok;
  }

  /** An entity whose columns a write method reads. */
  boolean checkEntityRead(TypeElement type, EntityModel entity, DaoContext ctx, Report report) {
    if (ctx.implPackage() == null) {
      return true;
    }
    boolean ok = checkType(type, ctx, report);
    for (ColumnModel c : entity.columns()) {
      ok &= checkMember(type, c.source().element(), c.getter(), ctx, report);
    }
    return ok;
  }

  private boolean checkMember(
      TypeElement type, Element at, Access access, DaoContext ctx, Report report) {
    if (access.reachableFrom(ctx.implPackage())) {
      return true;
    }
    String what = (access.field() ? "field " : "method ") + access.describe();
    // One text for reads and writes, so the same member is reported once.
    String hint = access.field() ? " or add public accessors" : "";
    report.add(at, Message.MEMBER_NOT_REACHABLE, ctx.impl(), ctx.implPackage(), what,
        type.getSimpleName(), access.onlyFrom(), hint);
    return false;
  }

  private boolean checkType(TypeElement type, DaoContext ctx, Report report) {
    String pkg = env.elements().getPackageOf(type).getQualifiedName().toString();
    if (pkg.equals(ctx.implPackage())) {
      return true;
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        report.add(type, Message.MEMBER_NOT_REACHABLE, ctx.impl(), ctx.implPackage(),
            "the type itself", type.getSimpleName(), pkg, "");
        return false;
      }
    }
    return true;
  }
}
