package keystone.android.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every reference a class file makes to a {@code java.*} or {@code javax.*} class, method or
 * field, read from its constant pool (what ART resolves when the code runs) and from the
 * descriptors of the members it declares (what ART loads to link the class).
 */
final class ClassFileReferences {
  private static final int CLASS = 7;
  private static final int FIELD_REF = 9;
  private static final int METHOD_REF = 10;
  private static final int INTERFACE_METHOD_REF = 11;
  private static final int METHOD_TYPE = 16;

  private ClassFileReferences() {}

  /** The references of every class file under {@code location}, a folder or a jar. */
  static List<Reference> of(Path location) throws IOException {
    List<Reference> references = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (file.toString().endsWith(".class")) {
            read(Files.readAllBytes(file), references);
          }
        }
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream()
            .filter(entry -> entry.getName().endsWith(".class"))
            .forEach(entry -> read(jar, entry.getName(), references));
      }
    }
    return references;
  }

  private static void read(JarFile jar, String name, List<Reference> into) {
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      read(in.readAllBytes(), into);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void read(byte[] classFile, List<Reference> into) {
    ClassReader reader = new ClassReader(classFile);
    String from = reader.getClassName();
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int item = 1; item < reader.getItemCount(); item++) {
      int offset = reader.getItem(item);
      if (offset == 0) {
        continue; // the unusable slot after a long or double
      }
      switch (reader.readByte(offset - 1)) {
        case CLASS -> addType(from, Type.getObjectType(reader.readUTF8(offset, buffer)), into);
        case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF -> {
          String owner = reader.readClass(offset, buffer);
          int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
          String name = reader.readUTF8(nameAndType, buffer);
          String descriptor = reader.readUTF8(nameAndType + 2, buffer);
          boolean field = reader.readByte(offset - 1) == FIELD_REF;
          addMember(from, owner, name, descriptor, field, into);
        }
        case METHOD_TYPE -> addDescriptor(from, reader.readUTF8(offset, buffer), into);
        default -> { }
      }
    }
    reader.accept(new DeclaredMembers(from, into), ClassReader.SKIP_CODE);
  }

  private static void addMember(
      String from, String owner, String name, String descriptor, boolean field,
      List<Reference> into) {
    addType(from, Type.getObjectType(owner), into);
    addDescriptor(from, descriptor, into);
    if (isPlatform(owner)) {
      into.add(new Reference(from, owner, name, descriptor, field));
    }
  }

  private static void addDescriptor(String from, String descriptor, List<Reference> into) {
    if (descriptor.startsWith("(")) {
      Type method = Type.getMethodType(descriptor);
      addType(from, method.getReturnType(), into);
      for (Type argument : method.getArgumentTypes()) {
        addType(from, argument, into);
      }
    } else {
      addType(from, Type.getType(descriptor), into);
    }
  }

  private static void addType(String from, Type type, List<Reference> into) {
    Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
    if (element.getSort() == Type.OBJECT && isPlatform(element.getInternalName())) {
      into.add(Reference.ofClass(from, element.getInternalName()));
    }
  }

  static boolean isPlatform(String internalName) {
    return internalName.startsWith("java/") || internalName.startsWith("javax/");
  }

  /** The types in the descriptors of the fields and methods a class declares. */
  private static final class DeclaredMembers extends ClassVisitor {
    private final String from;
    private final List<Reference> into;

    DeclaredMembers(String from, List<Reference> into) {
      super(Opcodes.ASM9);
      this.from = from;
      this.into = into;
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      addDescriptor(from, descriptor, into);
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      addDescriptor(from, descriptor, into);
      return null;
    }
  }

  /** One class's use of a platform class ({@code name} null) or member. */
  record Reference(String from, String owner, String name, String descriptor, boolean field) {
    static Reference ofClass(String from, String owner) {
      return new Reference(from, owner, null, null, false);
    }

    boolean isClass() {
      return name == null;
    }

    /** {@code java/util/List.of(Ljava/lang/Object;)Ljava/util/List;}, or the class's name. */
    String key() {
      if (isClass()) {
        return owner;
      }
      return owner + "." + name + (field ? ":" : "") + descriptor;
    }

    /** The class that makes the reference, without its nesting: {@code a/B} for {@code a/B$1}. */
    String fromTopLevel() {
      int dollar = from.indexOf('$');
      return dollar < 0 ? from : from.substring(0, dollar);
    }
  }
}
