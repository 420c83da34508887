package com.example.workshop.runtime;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * "Did you mean" for a handler string that Lambda could not resolve: a class of the classpath
 * whose name is close to the one written, or a public method of the class close to the one named.
 */
final class HandlerSuggestions {
  private HandlerSuggestions() {}

  /** " Did you mean pkg.Class::method?" or "". Never throws: a suggestion is a courtesy. */
  static String forHandler(String handler, List<Path> classpath) {
    try {
      return suggest(handler, classpath).map(s -> " Did you mean " + s + "?").orElse("");
    } catch (RuntimeException | LinkageError e) {
      return "";
    }
  }

  private static Optional<String> suggest(String handler, List<Path> classpath) {
    int colons = handler.lastIndexOf("::");
    String className = colons < 0 ? handler : handler.substring(0, colons);
    String method = colons < 0 ? null : handler.substring(colons + 2);
    String suffix = method == null ? "" : "::" + method;
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), Main.class.getClassLoader())) {
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException e) {
        return closestClass(className, classpath).map(c -> c + suffix);
      }
      if (method == null) {
        return Optional.empty();
      }
      TreeSet<String> methods = new TreeSet<>();
      for (Method m : type.getMethods()) {
        if (m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers())) {
          methods.add(m.getName());
        }
      }
      return methods.contains(method) ? Optional.empty()
          : Suggestions.closest(method, methods).map(m -> className + "::" + m);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Prefers a class with the same simple name in another package, then the closest name. */
  private static Optional<String> closestClass(String wanted, List<Path> classpath) {
    List<String> names = classNames(classpath);
    String simple = wanted.substring(wanted.lastIndexOf('.') + 1);
    Optional<String> samePackageless = names.stream()
        .filter(n -> n.substring(n.lastIndexOf('.') + 1).equalsIgnoreCase(simple)).findFirst();
    if (samePackageless.isPresent()) {
      return samePackageless;
    }
    return Suggestions.closest(wanted, names).or(() -> names.stream()
        .filter(n -> Suggestions.closest(simple, List.of(n.substring(n.lastIndexOf('.') + 1))).isPresent())
        .min(Comparator.comparingInt(n -> Suggestions.distance(simple.toLowerCase(Locale.ROOT),
            n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)))));
  }

  /** Top-level classes of the folders and jars, by binary name. */
  private static List<String> classNames(List<Path> classpath) {
    List<String> names = new ArrayList<>();
    for (Path entry : classpath) {
      try {
        if (Files.isDirectory(entry)) {
          try (Stream<Path> files = Files.walk(entry)) {
            files.map(p -> entry.relativize(p).toString().replace('\\', '/')).forEach(n -> addClass(n, names));
          }
        } else {
          try (JarFile jar = new JarFile(entry.toFile())) {
            jar.stream().forEach(e -> addClass(e.getName(), names));
          }
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable entry gives no suggestions; the error itself is reported elsewhere
      }
    }
    return names;
  }

  private static void addClass(String path, List<String> names) {
    if (path.endsWith(".class") && !path.contains("$") && !path.startsWith("META-INF")) {
      names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
  }

  private static URL[] urls(List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path p : classpath) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        // skipped: the classpath option reports unusable entries
      }
    }
    return urls.toArray(URL[]::new);
  }
}
