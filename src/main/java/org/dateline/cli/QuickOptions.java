package org.dateline.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fills a command's {@link Option} fields (its mixins' too) straight from the arguments, reading
 * the same annotations picocli reads, for the plain case only: {@code --name value}, {@code
 * --name=value} and flags, of text, whole-number, path, enum and flag options. Anything else (help,
 * an unknown or repeated option, a value that is not plainly one of those, a list option given or
 * defaulted) is declined, and picocli parses the whole command line as always, with its messages.
 * Why: picocli's classes are Java 5 class files, which the JDK 25 start-up cache cannot hold, and
 * building its command model is a fifth of a server's CPU to its first answer. Not thread-safe.
 */
final class QuickOptions {

  /** picocli's marker for an option without a default value. */
  private static final String NO_DEFAULT = "__no_default_value__";

  private record Target(Object owner, Field field) {}

  private final Map<String, Target> byName = new HashMap<>();
  private final List<Target> options = new java.util.ArrayList<>();
  private final UnaryOperator<String> env;

  private QuickOptions(UnaryOperator<String> env) {
    this.env = env;
  }

  /**
   * Fills {@code command}'s options from {@code args} (what follows the subcommand's name) and the
   * environment; false when picocli must parse them ({@code command} is then half filled: make a
   * new one).
   */
  static boolean fill(Object command, List<String> args) {
    return fill(command, args, System::getenv);
  }

  /** {@link #fill(Object, List)} with {@code env} for the environment (tests). */
  static boolean fill(Object command, List<String> args, UnaryOperator<String> env) {
    QuickOptions q = new QuickOptions(env);
    try {
      return q.collect(command) && q.defaults() && q.parse(args);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // picocli will say what is wrong, if anything is
    }
  }

  /** Finds every option of {@code owner} and of its mixins; false on what this class skips. */
  private boolean collect(Object owner) throws ReflectiveOperationException {
    for (Class<?> c = owner.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        boolean picocli =
            java.util.Arrays.stream(f.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().startsWith("picocli."));
        if (f.isAnnotationPresent(Mixin.class)) {
          f.setAccessible(true);
          var ctor = f.getType().getDeclaredConstructor();
          ctor.setAccessible(true);
          Object mixin = ctor.newInstance();
          f.set(owner, mixin);
          if (!collect(mixin)) {
            return false;
          }
        } else if (f.isAnnotationPresent(Option.class)) {
          if (!add(owner, f, f.getAnnotation(Option.class))) {
            return false;
          }
        } else if (picocli && !f.isAnnotationPresent(Spec.class)) {
          return false; // positional parameters, argument groups ...: picocli's
        }
      }
    }
    return true;
  }

  private boolean add(Object owner, Field f, Option o) {
    boolean plain =
        o.split().isEmpty()
            && o.arity().isEmpty()
            && o.converter().length == 0
            && !o.negatable()
            && !o.required();
    if (!plain && !isList(f)) {
      return false;
    }
    f.setAccessible(true);
    Target t = new Target(owner, f);
    options.add(t);
    for (String name : o.names()) {
      byName.put(name, t);
    }
    return true;
  }

  /** Sets each option's default (an environment variable or a constant), as picocli would. */
  private boolean defaults() throws IllegalAccessException {
    for (Target t : options) {
      String spec = t.field().getAnnotation(Option.class).defaultValue();
      if (spec.equals(NO_DEFAULT)) {
        continue;
      }
      Optional<String> value = interpolate(spec);
      if (value == null) {
        return false;
      }
      if (isList(t.field())) {
        if (value.isPresent() && !value.get().isEmpty() || t.field().getType() != List.class) {
          return false; // a list default: picocli splits it
        }
        if (value.isPresent()) {
          t.field().set(t.owner(), new java.util.ArrayList<>()); // an empty default: empty list
        }
        continue;
      }
      if (value.isEmpty()) {
        continue; // unset: the field keeps null, as picocli leaves it
      }
      if (!set(t, value.get())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A default value: a constant, {@code ${env:NAME}} (empty Optional when unset) or {@code
   * ${env:NAME:-fallback}} with a fallback of either kind; null for any other form.
   */
  private Optional<String> interpolate(String spec) {
    if (!spec.contains("${")) {
      return Optional.of(spec);
    }
    if (!spec.startsWith("${env:") || !spec.endsWith("}")) {
      return null;
    }
    String body = spec.substring("${env:".length(), spec.length() - 1);
    int dash = body.indexOf(":-");
    String name = dash < 0 ? body : body.substring(0, dash);
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return null;
    }
    String value = env.apply(name);
    if (value != null) {
      return Optional.of(value);
    }
    return dash < 0 ? Optional.empty() : interpolate(body.substring(dash + 2));
  }

  private boolean parse(List<String> args) throws IllegalAccessException {
    Set<Target> seen = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Target t = byName.get(name);
      if (t == null || !seen.add(t) || isList(t.field())) {
        return false;
      }
      if (isFlag(t.field())) {
        if (eq >= 0) {
          return false;
        }
        t.field().set(t.owner(), true);
        continue;
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
        value = args.get(++i);
      } else {
        return false;
      }
      if (!set(t, value)) {
        return false;
      }
    }
    return true;
  }

  /** Converts {@code value} to the field's type as picocli does; false when unsure. */
  private static boolean set(Target t, String value) throws IllegalAccessException {
    Class<?> type = t.field().getType();
    Object converted;
    if (type == String.class) {
      converted = value;
    } else if (type == int.class || type == Integer.class) {
      converted = value.matches("-?[0-9]{1,9}") ? Integer.valueOf(value) : null;
    } else if (type == long.class || type == Long.class) {
      converted = value.matches("-?[0-9]{1,18}") ? Long.valueOf(value) : null;
    } else if (isFlag(t.field())) {
      converted =
          value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
              ? Boolean.valueOf(value)
              : null;
    } else if (type == Path.class) {
      converted = value.isEmpty() ? null : Path.of(value);
    } else if (type.isEnum()) {
      converted = enumConstant(type, value);
    } else {
      converted = null;
    }
    if (converted == null) {
      return false;
    }
    t.field().set(t.owner(), converted);
    return true;
  }

  private static Object enumConstant(Class<?> type, String value) {
    for (Object c : type.getEnumConstants()) {
      if (((Enum<?>) c).name().equalsIgnoreCase(value)) {
        return c;
      }
    }
    return null;
  }

  private static boolean isFlag(Field f) {
    return f.getType() == boolean.class || f.getType() == Boolean.class;
  }

  private static boolean isList(Field f) {
    return java.util.Collection.class.isAssignableFrom(f.getType()) || f.getType().isArray();
  }
}
