package keystone.postgres;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

@Entity(table = "notes")
public record Note(
    @PrimaryKey(autoGenerate = true) long id,
    @ForeignKey(entity = Notebook.class) long notebookId,
    String text) {}
