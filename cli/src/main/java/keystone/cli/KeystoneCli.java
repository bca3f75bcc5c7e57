package keystone.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keystone}: the command line. {@code java -jar keystone-cli.jar doctor shop.db}, or
 * {@code import schema.sql --package com.example.db --out src/main/java}.
 */
@Command(
    name = "keystone",
    mixinStandardHelpOptions = true,
    versionProvider = KeystoneCli.Version.class,
    description = "Foreign-key health reports for existing databases, and Keystone entities"
        + " generated from their schemas.",
    subcommands = {DoctorCommand.class, ImportCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Sources: an SQLite file (opened read-only, mode=ro), a .sql file of DDL"
        + " (loaded into a private in-memory SQLite database, so it must be SQL SQLite"
        + " accepts), or a jdbc:postgresql:// URL (read in a READ ONLY transaction; --schema"
        + " picks the schema, default public)."})
public final class KeystoneCli {
  private KeystoneCli() {}

  /** The command with Keystone's settings: enum values in any case, colours when a TTY. */
  public static CommandLine commandLine() {
    return new CommandLine(new KeystoneCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = KeystoneCli.class.getPackage().getImplementationVersion();
      return new String[] {"keystone " + (v == null ? "development" : v)};
    }
  }
}
