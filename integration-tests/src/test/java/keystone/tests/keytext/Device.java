package keystone.tests.keytext;

import java.util.UUID;
import keystone.Entity;
import keystone.PrimaryKey;

@Entity(table = "devices")
public record Device(@PrimaryKey UUID id) {}
