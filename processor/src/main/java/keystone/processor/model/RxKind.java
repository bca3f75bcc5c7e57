package keystone.processor.model;

/** The RxJava 3 type a DAO method returns, as Room's rxjava3 artifact has them. */
public enum RxKind {
  /** An observed query, re-emitted like a {@code Flow.Publisher}. */
  FLOWABLE("Flowable"),
  /** The same as an {@code Observable}. */
  OBSERVABLE("Observable"),
  /** One value, run on subscription; no row is an error. */
  SINGLE("Single"),
  /** One value or none, run on subscription. */
  MAYBE("Maybe"),
  /** A write, run on subscription. */
  COMPLETABLE("Completable");

  public static final String PACKAGE = "io.reactivex.rxjava3.core";

  private final String simpleName;

  RxKind(String simpleName) {
    this.simpleName = simpleName;
  }

  public String simpleName() {
    return simpleName;
  }
}
