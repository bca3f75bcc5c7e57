package keystone.engine.spi;

import keystone.engine.KeystoneException;

/** Binds the loose arguments of raw SQL ({@code execute}, {@code query}) on any engine's statement. */
public final class Arguments {
  private Arguments() {}

  /** Binds {@code args} from index 1: Long/Integer/Short/Byte, Double/Float, Boolean, String, byte[], enum, the built-in value types, null. */
  public static void bind(SqlStatement st, Object... args) {
    for (int i = 0; i < args.length; i++) {
      bind(st, i + 1, args[i]);
    }
  }

  private static void bind(SqlStatement st, int index, Object value) {
    if (value == null) {
      st.bindNull(index);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      st.bindLong(index, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      st.bindDouble(index, ((Number) value).doubleValue());
    } else if (value instanceof Boolean b) {
      st.bindBoolean(index, b);
    } else if (value instanceof String s) {
      st.bindText(index, s);
    } else if (value instanceof byte[] bytes) {
      st.bindBlob(index, bytes);
    } else if (value instanceof Enum<?> e) {
      st.bindText(index, e.name());
    } else if (!BuiltInValues.bind(st, index, value)) {
      throw new KeystoneException(
          "Cannot bind a " + value.getClass().getName() + " (parameter " + index + ");"
              + " use Long, Double, String, byte[], Boolean, an enum, a java.time value,"
              + " UUID, BigDecimal, BigInteger or null");
    }
  }
}
