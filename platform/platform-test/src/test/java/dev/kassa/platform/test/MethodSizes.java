package dev.kassa.platform.test;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The length of every method and constructor of some Java sources, read with the JDK's own parser (parse only: no
 * classpath needed). A method's lines run from its first annotation or modifier to its closing brace; its Javadoc is
 * not counted.
 */
final class MethodSizes {

    /** A method of a source file: where it starts, its class and name, and how many lines it spans. */
    record Method(String file, long line, String name, long lines) {

        @Override
        public String toString() {
            return file + ":" + line + " " + name + " (" + lines + " lines)";
        }
    }

    private MethodSizes() {}

    /** The methods of the files, each file named by its path from {@code root}. */
    static List<Method> ofFiles(Path root, List<Path> files) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path base = root.toAbsolutePath().normalize();
        try (StandardJavaFileManager fileManager =
                compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            return measure(
                    compiler, fileManager, fileManager.getJavaFileObjectsFromPaths(files), source -> base.relativize(
                                    Path.of(source.toUri()).toAbsolutePath().normalize())
                            .toString()
                            .replace('\\', '/'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods of sources held in memory, each named by its file object's name. */
    static List<Method> of(List<? extends JavaFileObject> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager =
                compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            return measure(compiler, fileManager, sources, JavaFileObject::getName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Method> measure(
            JavaCompiler compiler,
            StandardJavaFileManager fileManager,
            Iterable<? extends JavaFileObject> sources,
            Function<JavaFileObject, String> naming)
            throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task =
                (JavacTask) compiler.getTask(null, fileManager, diagnostics, List.of("-proc:none"), null, sources);
        Iterable<? extends CompilationUnitTree> units = task.parse();
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(Object::toString)
                .toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("sources that do not parse: " + errors);
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<Method> methods = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            new Measurer(unit, positions, naming.apply(unit.getSourceFile()), methods).scan(unit, null);
        }
        return methods;
    }

    /** Walks one file, every class in it (nested, local and anonymous ones too), and notes each method's span. */
    private static final class Measurer extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final String file;
        private final List<Method> methods;
        private final Deque<String> classes = new ArrayDeque<>();

        Measurer(CompilationUnitTree unit, SourcePositions positions, String file, List<Method> methods) {
            this.unit = unit;
            this.positions = positions;
            this.file = file;
            this.methods = methods;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            String name = node.getSimpleName().toString();
            classes.push(classes.isEmpty() ? name : classes.peek() + "." + (name.isEmpty() ? "new" : name));
            try {
                return super.visitClass(node, unused);
            } finally {
                classes.pop();
            }
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            long start = positions.getStartPosition(unit, node);
            long end = positions.getEndPosition(unit, node); // one past the closing brace
            long first = unit.getLineMap().getLineNumber(start);
            long last = unit.getLineMap().getLineNumber(Math.max(start, end - 1));
            String owner = classes.isEmpty() ? "" : classes.peek();
            String name = node.getName().contentEquals("<init>") ? owner : owner + "." + node.getName();
            methods.add(new Method(file, first, name, last - first + 1));
            return super.visitMethod(node, unused);
        }
    }
}
