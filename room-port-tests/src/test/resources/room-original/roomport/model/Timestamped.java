package roomport.model;

import androidx.room.Entity;
import androidx.room.Index;

/** A superclass whose index its entities inherit with {@code inheritSuperIndices}. */
@Entity(indices = {@Index("createdAt")})
public abstract class Timestamped {
  public long createdAt;
}
