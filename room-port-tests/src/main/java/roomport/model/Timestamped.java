package roomport.model;

import keystone.Entity;
import keystone.Index;

/** A superclass whose index its entities inherit with {@code inheritSuperIndices}. */
@Entity(indices = {@Index(columns = "createdAt")})
public abstract class Timestamped {
  public long createdAt;
}
