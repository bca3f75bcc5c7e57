package keystone.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import keystone.samples.shopflow.ShopDatabase_Impl;
import org.junit.jupiter.api.Test;

/**
 * The DDL the engine runs for ShopFlow is the DDL committed in {@code schemas/}, which a reader
 * reviews without building (and which processor/SampleSchemasTest keeps equal to what the
 * processor exports). One reviewed copy, no separate golden file to keep in step.
 */
class ShopFlowSchemaGoldenTest {
  private static final Path EXPORT =
      Path.of("schemas/keystone.samples.shopflow.ShopDatabase/1.sql");

  @Test
  void ddlTheEngineRunsIsTheCommittedExport() throws IOException {
    String actual = String.join(";\n\n", ShopDatabase_Impl.SCHEMA.statements()) + ";\n";
    String committed = Files.readString(EXPORT, StandardCharsets.UTF_8);
    // The export starts with two comment lines (identity hash, origin) and a blank line.
    String statements = committed.substring(committed.indexOf("\n\n") + 2);
    assertEquals(statements, actual);
  }
}
