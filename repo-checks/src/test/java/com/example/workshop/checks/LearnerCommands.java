package com.example.workshop.checks;

import com.example.workshop.checks.Markdown.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands shown to learners. In a shell block ({@code bash}, {@code sh}, {@code shell},
 * {@code console}, {@code powershell}, {@code cmd}), a line that runs the project ({@code ./mvnw},
 * {@code mvnw.cmd}, {@code java}, local-runtime's launcher {@code target/local-runtime}) must be one CI runs: it is listed in {@code .ci/learner-commands.txt},
 * which {@code .ci/run} executes. A line that needs the cloud ({@code sam}, {@code aws}) or Docker
 * ({@code docker}) must sit in a block marked {@code <!-- needs: aws -->} or {@code <!-- needs:
 * docker -->}; such a marker also covers project commands that need them (LocalStack tests). An
 * {@code aws} line pointed at {@code serve} ({@code --endpoint-url http://localhost:PORT}) needs no
 * account: a block marked {@code <!-- needs: serve -->} may show it (.ci/serve-check drives serve
 * with the AWS CLI).
 *
 * <p>Windows spellings count as their Linux twin ({@code .\mvnw.cmd} is {@code ./mvnw}, back
 * slashes are slashes), and the quiet flags {@code -B -ntp -q} are ignored when comparing.
 *
 * <p>Commands run from the repository root, except on the page of a starter project (a folder with
 * its own {@code mvnw}, such as a lesson): they run from that folder, as in a copy of it. The
 * allow-list spells them {@code cd FOLDER && command}.
 */
final class LearnerCommands {
  private LearnerCommands() {}

  static final String ALLOW_LIST = ".ci/learner-commands.txt";
  private static final Set<String> SHELLS =
      Set.of("bash", "sh", "shell", "zsh", "console", "powershell", "pwsh", "ps", "ps1", "cmd", "bat", "bash-session");
  private static final Set<String> WINDOWS = Set.of("powershell", "pwsh", "ps", "ps1", "cmd", "bat");
  private static final Set<String> QUIET_FLAGS = Set.of("-B", "--batch-mode", "-ntp", "--no-transfer-progress", "-q", "--quiet");
  private static final Pattern EXIT = Pattern.compile("^\\[(?:exit \\d+|in \\.ci/run|serves)]\\s+(.*)$");
  /** An AWS CLI line that talks to local-runtime's serve, not to AWS. */
  private static final Pattern LOCAL_ENDPOINT = Pattern.compile("--endpoint-url[ =]http://localhost:\\d+(\\s|$)");
  private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(\\S+)$");
  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#\\s[^'\"]*$");
  private static final Pattern PROMPT = Pattern.compile("^(?:\\$|PS[^>]*>|>|C:\\\\[^>]*>)\\s+(.*)$");

  /** What a command needs beyond the JDK, judged by its first word; null for project commands. */
  enum Kind { PROJECT, AWS, DOCKER, OTHER }

  /** A pipeline is judged by its strongest part: {@code echo '{}' | java -jar ...} is a project command. */
  static Kind kind(String command) {
    Kind strongest = Kind.OTHER;
    for (String part : command.split("\\s+\\|\\s+")) {
      // Leading VAR=value words set the command's environment; the command is the word after them.
      String rest = part.strip().replaceFirst("^(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)+", "");
      Kind k = kindOfWord(rest.split("\\s+", 2)[0]);
      if (k.ordinal() < strongest.ordinal()) {
        strongest = k;
      }
    }
    return strongest;
  }

  private static Kind kindOfWord(String first) {
    return switch (first.replace('\\', '/')) {
      // local-runtime's launcher, next to its jar: at the root and in a lesson folder
      case "./mvnw", "../mvnw", "mvn", "java", "local-runtime/target/local-runtime", "target/local-runtime",
          "local-runtime/target/local-runtime.cmd", "target/local-runtime.cmd" -> Kind.PROJECT;
      case "sam", "aws", "cdk" -> Kind.AWS;
      case "docker", "localstack", "awslocal", "samlocal" -> Kind.DOCKER;
      default -> Kind.OTHER;
    };
  }

  /** The allow-list's commands, normalised, without their expected exit codes. */
  static Set<String> allowList(List<String> fileLines) {
    Set<String> allowed = new LinkedHashSet<>();
    for (String line : fileLines) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      Matcher m = EXIT.matcher(t);
      allowed.add(normalise(m.matches() ? m.group(1) : t, false));
    }
    return allowed;
  }

  /** Every command of a page's shell blocks, normalised as the allow-list compares them. */
  static Set<String> shown(Path root, Path page) {
    Set<String> shown = new LinkedHashSet<>();
    String start = startFolder(root, page);
    for (Block block : Markdown.blocks(Markdown.lines(page))) {
      if (SHELLS.contains(block.language())) {
        boolean console = block.language().equals("console") || block.language().equals("bash-session");
        for (Command c : commands(block, WINDOWS.contains(block.language()), console, start)) {
          shown.add(c.text());
        }
      }
    }
    return shown;
  }

  static List<String> problems(Path root, Path page, Set<String> allowed) {
    String name = Markdown.name(root, page);
    String start = startFolder(root, page);
    List<String> problems = new ArrayList<>();
    for (Block block : Markdown.blocks(Markdown.lines(page))) {
      if (!SHELLS.contains(block.language())) {
        continue;
      }
      String needs = block.markers().getOrDefault("needs", "");
      boolean windows = WINDOWS.contains(block.language());
      boolean console = block.language().equals("console") || block.language().equals("bash-session");
      for (Command c : commands(block, windows, console, start)) {
        Kind kind = kind(c.bare());
        int line = block.openLine() + 1 + c.index();
        switch (kind) {
          case PROJECT -> {
            if (!needs.contains("aws") && !needs.contains("docker") && !allowed.contains(c.text())) {
              problems.add(name + ":" + line + ": '" + c.text() + "' is not a command CI runs."
                  + " Add it to " + ALLOW_LIST + " (CI runs every line there; '[exit N] ' in front if it should fail),"
                  + " or mark the block '<!-- needs: aws -->' / '<!-- needs: docker -->' if it cannot run offline");
            }
          }
          case AWS -> {
            if (!needs.contains("aws") && !(needs.contains("serve") && LOCAL_ENDPOINT.matcher(c.text()).find())) {
              problems.add(name + ":" + line + ": '" + c.text() + "' needs an AWS account or the SAM CLI;"
                  + " put '<!-- needs: aws -->' right above the block");
            }
          }
          case DOCKER -> {
            if (!needs.contains("docker")) {
              problems.add(name + ":" + line + ": '" + c.text() + "' needs Docker;"
                  + " put '<!-- needs: docker -->' right above the block");
            }
          }
          case OTHER -> { }
        }
      }
    }
    return problems;
  }

  /**
   * Where a page's commands start, relative to the root: the page's folder when it is a starter
   * project (it has its own {@code mvnw}), else the root ({@code ""}).
   */
  static String startFolder(Path root, Path page) {
    Path folder = page.toAbsolutePath().normalize().getParent();
    Path top = root.toAbsolutePath().normalize();
    if (folder.equals(top) || !Files.isRegularFile(folder.resolve("mvnw"))) {
      return "";
    }
    return top.relativize(folder).toString().replace('\\', '/');
  }

  /** {@code text} is what the allow-list must hold (with the block's {@code cd}); {@code bare} is the command alone. */
  record Command(int index, String text, String bare) {}

  /**
   * The commands of a shell block: continuation lines joined, comments and output dropped, {@code cd}
   * applied from {@code start}, the folder the page's commands run from.
   */
  static List<Command> commands(Block block, boolean windows, boolean console, String start) {
    List<Command> out = new ArrayList<>();
    List<String> lines = block.lines();
    String dir = start;
    java.util.Map<String, String> vars = new java.util.HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int first = i;
      String line = lines.get(i).strip();
      if (console) {
        Matcher prompt = PROMPT.matcher(line);
        if (!prompt.matches()) {
          continue; // output
        }
        line = prompt.group(1);
      }
      StringBuilder text = new StringBuilder();
      while (endsWithContinuation(line) && i + 1 < lines.size()) {
        text.append(line, 0, line.length() - 1).append(' ');
        line = lines.get(++i).strip();
      }
      text.append(line);
      String command = TRAILING_COMMENT.matcher(text.toString()).replaceFirst("").strip();
      Matcher assignment = ASSIGNMENT.matcher(command);
      if (assignment.matches()) {
        vars.put(assignment.group(1), assignment.group(2).replaceAll("^\"|\"$", ""));
        continue; // a shell variable for later lines, e.g. CP="lesson/target/classes:..."
      }
      for (java.util.Map.Entry<String, String> v : vars.entrySet()) {
        command = command.replace("${" + v.getKey() + "}", v.getValue()).replace("$" + v.getKey(), v.getValue());
      }
      if (command.isEmpty() || command.startsWith("#") || command.startsWith("REM ") || command.startsWith("::")) {
        continue;
      }
      for (String part : command.split("\\s*&&\\s*")) {
        String normal = normalise(part, windows);
        if (normal.startsWith("cd ")) {
          dir = Path.of(dir).resolve(normal.substring(3).strip()).normalize().toString().replace('\\', '/');
          continue;
        }
        out.add(new Command(first, dir.isEmpty() ? normal : "cd " + dir + " && " + normal, normal));
      }
    }
    return out;
  }

  private static boolean endsWithContinuation(String line) {
    return line.endsWith("\\") || line.endsWith("`") || line.endsWith("^");
  }

  /** One spelling per command: Linux wrapper name, forward slashes, single spaces, no quiet flags. */
  static String normalise(String command, boolean windows) {
    String c = command.strip();
    if (windows) {
      c = c.replace('\\', '/');
    }
    List<String> words = new ArrayList<>();
    for (String w : c.split("\\s+")) {
      if (windows && w.startsWith("\"-D") && w.endsWith("\"")) {
        w = w.substring(1, w.length() - 1);
      }
      if (w.equals("mvnw.cmd") || w.equals("./mvnw.cmd") || w.equals("mvnw")) {
        w = "./mvnw";
      } else if (w.equals("../mvnw.cmd")) {
        w = "../mvnw";
      } else if (w.endsWith("target/local-runtime.cmd")) {
        w = w.substring(0, w.length() - ".cmd".length());
      }
      if (!QUIET_FLAGS.contains(w)) {
        words.add(w);
      }
    }
    return String.join(" ", words);
  }
}
