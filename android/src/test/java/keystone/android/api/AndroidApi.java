package keystone.android.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import keystone.android.api.ClassFileReferences.Reference;
import org.codehaus.mojo.animal_sniffer.Clazz;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;

/**
 * The public classes and members of an Android level's {@code android.jar}, as an Animal Sniffer
 * signature records them: a method as {@code name + descriptor}, a field as {@code name # type}.
 */
final class AndroidApi {
  private final Map<String, Clazz> classes;

  private AndroidApi(Map<String, Clazz> classes) {
    this.classes = classes;
  }

  static AndroidApi load(Path signature) throws IOException {
    try (InputStream in = Files.newInputStream(signature)) {
      return new AndroidApi(SignatureChecker.loadClasses(in));
    }
  }

  boolean has(Reference reference) {
    String owner = reference.owner();
    if (owner.startsWith("[")) {
      return true; // clone() and length of an array: the VM's own
    }
    if (reference.isClass()) {
      return classes.containsKey(owner);
    }
    String signature = reference.field()
        ? reference.name() + "#" + reference.descriptor()
        : reference.name() + reference.descriptor();
    return declares(owner, signature);
  }

  /**
   * As the VM resolves a member: the class, its superclasses, then its interfaces (whose
   * superclass the signature records as {@code java/lang/Object}, as in the class file).
   */
  private boolean declares(String owner, String signature) {
    Clazz clazz = owner == null ? null : classes.get(owner);
    if (clazz == null) {
      return false;
    }
    if (clazz.getSignatures().contains(signature) || declares(clazz.getSuperClass(), signature)) {
      return true;
    }
    for (String parent : clazz.getSuperInterfaces()) {
      if (declares(parent, signature)) {
        return true;
      }
    }
    return false;
  }
}
