package jp.ishigaki.detection.rules;

import jp.ishigaki.detection.sigma.RuleLoader.RuleFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads rule files: the built-in set listed in {@code rules/index.txt} on the class path, and a directory. */
public final class RuleFiles {

    public static final String BUILTIN_INDEX = "rules/index.txt";

    private RuleFiles() {
    }

    /** The built-in rule files, in the order of the index. */
    public static List<RuleFile> builtin() {
        ClassLoader loader = RuleFiles.class.getClassLoader();
        String index = read(loader, BUILTIN_INDEX);
        List<RuleFile> files = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            files.add(new RuleFile("builtin:rules/" + name, read(loader, "rules/" + name), "builtin"));
        }
        return files;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The *.yml / *.yaml files under the directory, sorted by path; an unreadable file becomes an empty one. */
    public static List<RuleFile> directory(Path dir) {
        List<RuleFile> files = new ArrayList<>();
        for (Path path : list(dir)) {
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            files.add(new RuleFile(path.toString(), text, "directory"));
        }
        return files;
    }

    /** A fingerprint of the directory (paths, sizes, modification times) to notice changes cheaply. */
    public static String fingerprint(Path dir) {
        StringBuilder out = new StringBuilder();
        for (Path path : list(dir)) {
            try {
                out.append(path).append('|').append(Files.size(path)).append('|')
                        .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
            } catch (IOException e) {
                out.append(path).append("|?\n");
            }
        }
        return out.toString();
    }

    private static List<Path> list(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
