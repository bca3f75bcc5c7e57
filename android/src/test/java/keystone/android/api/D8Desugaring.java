package keystone.android.api;

import java.util.List;

/**
 * The {@code java.*} members absent from Android 9's API that D8 still makes work in an app with
 * {@code minSdk 28} and no {@code coreLibraryDesugaring}: language desugaring (on by default) and
 * D8's backported methods. Only what Keystone references: every entry must be used
 * ({@link ApiLevel28Test} fails on one that is not), so the list says what Keystone relies on.
 *
 * <p>Each entry was checked in R8's source (D8 is R8's dexer), read from the mirror Col-E/r8 at
 * commit 42ca987 (2023-11); paths below are under {@code src/main/java/com/android/tools/r8/}.
 * A backport counts only where its {@code BackportedMethodRewriter} branch is taken for a
 * minimum API of 28 ({@code isLessThan(AndroidApiLevel.R)} and above; for the collection
 * factories also {@code typeIsPresentWithoutBackportsFrom(setType, ...)}, true because
 * {@code java.util.Set} is API 1).
 */
final class D8Desugaring {
  private D8Desugaring() {}

  /**
   * A class ({@code java/lang/Record}: the class and all its members), a method by name (any
   * descriptor: {@code java/util/List.of}) or by name and descriptor.
   */
  record Entry(String member, String source) {
    boolean covers(String key) {
      return key.equals(member) || key.startsWith(member + ".") || key.startsWith(member + "(");
    }
  }

  static final List<Entry> LANGUAGE = List.of(
      // An invokedynamic whose bootstrap is LambdaMetafactory.metafactory/altMetafactory becomes
      // a synthesized class; LambdaMetafactory is never loaded.
      new Entry("java/lang/invoke/LambdaMetafactory",
          "ir/desugar/LambdaDescriptor.java (isLambdaMetafactoryMethod), "
              + "ir/desugar/lambda/LambdaInstructionDesugaring.java"),
      // String + compiled for Java 9+: makeConcat/makeConcatWithConstants become StringBuilders.
      new Entry("java/lang/invoke/StringConcatFactory",
          "ir/desugar/stringconcat/StringConcatInstructionDesugaring.java"),
      // Records: java.lang.Record is replaced by a synthesized RecordTag class with its <init>,
      // and the ObjectMethods.bootstrap call sites (equals, hashCode, toString) by generated
      // methods; TypeDescriptor appears only in that bootstrap's descriptor.
      new Entry("java/lang/Record",
          "ir/desugar/records/RecordDesugaring.java (ensureRecordClassHelper, RECORD_TAG)"),
      new Entry("java/lang/runtime/ObjectMethods",
          "ir/desugar/records/RecordRewriterHelper.java (objectMethodsMembers.bootstrap)"),
      new Entry("java/lang/invoke/TypeDescriptor",
          "ir/desugar/records/RecordRewriterHelper.java (the bootstrap's descriptor)"));

  static final List<Entry> BACKPORTED = List.of(
      // minApi < R (30): List.of and Set.of with 0 to 10 arguments and the array form, Map.of
      // with 0 to 10 pairs: every overload the JDK has.
      new Entry("java/util/List.of", rewriter("initializeAndroidRSetListMapMethodProviders")),
      new Entry("java/util/Set.of", rewriter("initializeAndroidRSetListMapMethodProviders")),
      new Entry("java/util/Map.of", rewriter("initializeAndroidRSetListMapMethodProviders")),
      // minApi < S (31).
      new Entry("java/util/List.copyOf", rewriter("initializeAndroidSSetListMapMethodProviders")),
      new Entry("java/util/Set.copyOf", rewriter("initializeAndroidSSetListMapMethodProviders")),
      new Entry("java/util/Map.copyOf", rewriter("initializeAndroidSSetListMapMethodProviders")),
      // minApi < T (33).
      new Entry("java/lang/String.isBlank()Z", rewriter("initializeAndroidTMethodProviders")),
      new Entry("java/lang/String.strip()Ljava/lang/String;",
          rewriter("initializeAndroidTMethodProviders")),
      new Entry("java/lang/String.stripLeading()Ljava/lang/String;",
          rewriter("initializeAndroidTMethodProviders")),
      new Entry("java/lang/Integer.parseInt(Ljava/lang/CharSequence;III)I",
          rewriter("initializeAndroidTMethodProviders")));

  /**
   * {@code java.util.concurrent.Flow} is API 30 and neither desugared nor backported: only these
   * classes, which exist to adapt an observed query to a DAO method declaring
   * {@code Flow.Publisher}, may load it (their nested classes too).
   */
  static final List<String> FLOW_ADAPTERS = List.of("keystone/engine/spi/FlowPublisher");

  static final String FLOW = "java/util/concurrent/Flow";

  private static String rewriter(String method) {
    return "ir/desugar/BackportedMethodRewriter.java (" + method + ")";
  }
}
