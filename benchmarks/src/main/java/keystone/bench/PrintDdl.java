package keystone.bench;

/** Prints the suite's DDL (Keystone's compiled schema) for the C baseline. */
public final class PrintDdl {
  private PrintDdl() {}

  public static void main(String[] args) {
    for (String sql : Sqlite.ddl()) {
      System.out.println(sql + ";");
    }
  }
}
