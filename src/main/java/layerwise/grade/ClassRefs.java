package layerwise.grade;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one compiled class can reach, read from its class file's constant pool: every class it names, every
 * field and method it refers to, and the names of the methods it declares. A class can only call, read, extend
 * or instantiate what its constant pool names (lambdas and string concatenation go through bootstrap methods
 * that are method handles in the pool too), so checking the pool against a list checks the class.
 *
 * <p>Read by hand, following the JVM specification (chapter 4.4), rather than with ASM: the constant pool is
 * all that is needed, the format has not changed in years (only new tags were added, which are refused), and
 * the JDK's own class-file API exists only from JDK 24 on, while the workbook runs on 17.
 *
 * @param name            the class's internal name, e.g. {@code REPL/$JShell$12}
 * @param classes         every class named (as a type, an array's element type, a superclass or interface)
 * @param members         every field and method referred to, as {@code owner.name(descriptor)}
 * @param supertypes      its superclass and interfaces
 * @param declaredMethods the names of the methods this class declares
 * @param unsupported     a constant pool entry this reader does not accept (a dynamic constant, a module), or null
 */
record ClassRefs(String name, Set<String> classes, Set<Member> members, Set<String> supertypes, Set<String> declaredMethods,
                 String unsupported) {

    /** A field or method reference: owner class (internal name), member name, descriptor. */
    record Member(String owner, String name, String descriptor, boolean field) {
        /** As a Java programmer writes it: {@code layerwise.tensor.Functional.linear}. */
        String display() {
            return owner.replace('/', '.').replace('$', '.') + "." + (name.equals("<init>") ? "new" : name);
        }
    }

    static ClassRefs read(byte[] bytes) {
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a class file the grader can read: " + e, e);
        }
    }

    private static ClassRefs parse(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) throw new IOException("bad magic number");
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        int[] tag = new int[count];
        String[] utf8 = new String[count];
        int[] a = new int[count], b = new int[count];
        String unsupported = null;
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two slots
                }
                case 7, 8, 16 -> a[i] = in.readUnsignedShort(); // Class, String, MethodType
                case 9, 10, 11, 12 -> { // Fieldref, Methodref, InterfaceMethodref, NameAndType
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                case 15 -> { // MethodHandle: kind, reference (a Fieldref or Methodref, checked as such)
                    a[i] = in.readUnsignedByte();
                    b[i] = in.readUnsignedShort();
                }
                case 17, 18 -> { // Dynamic, InvokeDynamic: bootstrap index, NameAndType
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                    if (tag[i] == 17) unsupported = "a dynamic constant";
                }
                case 19, 20 -> {
                    in.readUnsignedShort();
                    unsupported = "a module or package constant";
                }
                default -> throw new IOException("unknown constant pool tag " + tag[i] + " at " + i);
            }
        }
        Set<String> classes = new LinkedHashSet<>();
        Set<Member> members = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            switch (tag[i]) {
                case 7 -> addClass(classes, utf8[a[i]]);
                case 9, 10, 11 -> {
                    String owner = utf8[a[a[i]]];
                    String memberName = utf8[a[b[i]]], descriptor = utf8[b[b[i]]];
                    members.add(new Member(owner, memberName, descriptor, tag[i] == 9));
                    addClass(classes, owner);
                    addDescriptor(classes, descriptor);
                }
                case 16 -> addDescriptor(classes, utf8[a[i]]);
                default -> { }
            }
        }
        in.readUnsignedShort(); // access flags
        String name = utf8[a[in.readUnsignedShort()]];
        Set<String> supertypes = new LinkedHashSet<>();
        int superClass = in.readUnsignedShort();
        if (superClass != 0) supertypes.add(utf8[a[superClass]]);
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) supertypes.add(utf8[a[in.readUnsignedShort()]]);
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            addDescriptor(classes, utf8[in.readUnsignedShort()]);
            skipAttributes(in);
        }
        Set<String> declared = new LinkedHashSet<>();
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort();
            declared.add(utf8[in.readUnsignedShort()]);
            addDescriptor(classes, utf8[in.readUnsignedShort()]);
            skipAttributes(in);
        }
        return new ClassRefs(name, classes, members, supertypes, declared, unsupported);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    /** A Class entry's name: an internal name, or an array descriptor such as {@code [Ljava/lang/Thread;}. */
    private static void addClass(Set<String> classes, String name) {
        if (name.startsWith("[")) addDescriptor(classes, name);
        else classes.add(name);
    }

    /** Every class a field or method descriptor mentions: {@code (Ljava/io/File;I)[Ljava/lang/String;}. */
    static void addDescriptor(Set<String> classes, String descriptor) {
        for (int i = 0; i < descriptor.length(); i++) {
            if (descriptor.charAt(i) != 'L') continue;
            int end = descriptor.indexOf(';', i);
            if (end < 0) return;
            classes.add(descriptor.substring(i + 1, end));
            i = end;
        }
    }
}
