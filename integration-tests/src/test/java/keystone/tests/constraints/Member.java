package keystone.tests.constraints;

import static keystone.ForeignKey.Action.CASCADE;

import keystone.Entity;
import keystone.ForeignKey;
import keystone.PrimaryKey;

/** Belongs to a team and goes away with it. */
@Entity(table = "members")
public record Member(
    @PrimaryKey long id, @ForeignKey(entity = Team.class, onDelete = CASCADE) long teamId) {}
