package io.asl4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python source of a case's Lambda handler, read as far as a faithful mock needs: where the
 * handler raises (for the stack trace Lambda reports), and the value a straight-line handler
 * returns (literals, names, {@code *}, {@code +}, f-strings and {@code .encode()}).
 *
 * <p>Anything outside that small subset is refused with a message rather than guessed.
 */
final class HandlerSource {
  /** The bytes cap of a computed value: well over Lambda's 6 MB response limit. */
  private static final int MAX_VALUE_LENGTH = 16 * 1024 * 1024;

  private static final Pattern DEF =
      Pattern.compile("^(\\s*)def\\s+handler\\s*\\(\\s*(\\w+)\\s*(?:,[^)]*)?\\)\\s*:\\s*(#.*)?$");
  private static final Pattern ASSIGN = Pattern.compile("^(\\w+)\\s*=(?!=)\\s*(.+)$");
  private static final Pattern RAISE = Pattern.compile("^raise\\b\\s*([A-Za-z_][\\w.]*)?.*$");

  /** Where the handler raises: its 1-based line, the stripped source line, the exception class. */
  record RaiseSite(int line, String source, String exceptionClass) {}

  private final String[] lines;
  private final int defIndex;
  private final String eventName;

  private HandlerSource(String[] lines, int defIndex, String eventName) {
    this.lines = lines;
    this.defIndex = defIndex;
    this.eventName = eventName;
  }

  /** Finds {@code def handler(event, context):} in {@code code}. */
  static HandlerSource parse(String code) {
    if (code == null) {
      throw new IllegalArgumentException("no handler code");
    }
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = DEF.matcher(lines[i]);
      if (m.matches() && m.group(1).isEmpty()) {
        return new HandlerSource(lines, i, m.group(2));
      }
    }
    throw new IllegalArgumentException("no top-level 'def handler(event, context):'");
  }

  /** The first {@code raise} directly in the handler body. */
  RaiseSite raiseSite() {
    for (int i : bodyLines()) {
      String statement = lines[i].strip();
      Matcher m = RAISE.matcher(statement);
      if (m.matches()) {
        String type = m.group(1) == null ? "" : m.group(1);
        return new RaiseSite(i + 1, statement, type.substring(type.lastIndexOf('.') + 1));
      }
    }
    throw new IllegalArgumentException("the handler body has no 'raise'");
  }

  /**
   * Runs a straight-line handler body of assignments ending in {@code return}, with {@code event}
   * bound, and gives the returned value: a {@code byte[]}, a {@code String}, a {@code Long} or a
   * {@code JsonNode}.
   */
  Object evaluateReturn(JsonNode event) {
    Map<String, Object> names = new HashMap<>();
    names.put(eventName, event);
    for (int i : bodyLines()) {
      String statement = stripComment(lines[i].strip());
      if (statement.isEmpty()) {
        continue;
      }
      if (statement.startsWith("return ") || statement.equals("return")) {
        String expression = statement.substring("return".length()).strip();
        return expression.isEmpty() ? NullNode.getInstance() : evaluate(expression, names, i);
      }
      Matcher assign = ASSIGN.matcher(statement);
      if (!assign.matches()) {
        throw new IllegalArgumentException(
            "handler line " + (i + 1) + " is not supported: " + statement);
      }
      names.put(assign.group(1), evaluate(assign.group(2), names, i));
    }
    throw new IllegalArgumentException("the handler body has no 'return'");
  }

  private List<Integer> bodyLines() {
    List<Integer> body = new ArrayList<>();
    for (int i = defIndex + 1; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        break;
      }
      body.add(i);
    }
    return body;
  }

  private static Object evaluate(String expression, Map<String, Object> names, int lineIndex) {
    try {
      Parser parser = new Parser(expression, names);
      Object value = parser.expression();
      parser.expectEnd();
      return value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("handler line " + (lineIndex + 1) + ": " + e.getMessage());
    }
  }

  // Drops a trailing '# comment' that is outside any string literal.
  private static String stripComment(String statement) {
    char quote = 0;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        return statement.substring(0, i).strip();
      }
    }
    return statement;
  }

  /** A recursive-descent evaluator of the expression subset. */
  private static final class Parser {
    private final String text;
    private final Map<String, Object> names;
    private int pos;

    Parser(String text, Map<String, Object> names) {
      this.text = text;
      this.names = names;
    }

    Object expression() {
      Object value = term();
      while (accept('+')) {
        value = add(value, term());
      }
      return value;
    }

    void expectEnd() {
      skipSpace();
      if (pos < text.length()) {
        throw new IllegalArgumentException("unsupported expression: " + text);
      }
    }

    private Object term() {
      Object value = postfix();
      while (accept('*')) {
        value = multiply(value, postfix());
      }
      return value;
    }

    private Object postfix() {
      Object value = atom();
      while (accept('.')) {
        String method = name();
        if (!method.equals("encode") || !accept('(')) {
          throw new IllegalArgumentException("unsupported call ." + method + " in: " + text);
        }
        String charset = "utf-8";
        if (!accept(')')) {
          charset = string();
          if (!accept(')')) {
            throw new IllegalArgumentException("unsupported encode arguments in: " + text);
          }
        }
        String normalized = charset.toLowerCase(Locale.ROOT).replace("_", "-");
        if (!(value instanceof String s)
            || !(normalized.equals("utf-8") || normalized.equals("utf8"))) {
          throw new IllegalArgumentException("unsupported encode in: " + text);
        }
        value = s.getBytes(StandardCharsets.UTF_8);
      }
      return value;
    }

    private Object atom() {
      skipSpace();
      if (pos >= text.length()) {
        throw new IllegalArgumentException("unexpected end of: " + text);
      }
      char c = text.charAt(pos);
      if (accept('(')) {
        Object value = expression();
        if (!accept(')')) {
          throw new IllegalArgumentException("unbalanced parenthesis in: " + text);
        }
        return value;
      }
      if (Character.isDigit(c)) {
        int start = pos;
        while (pos < text.length()
            && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          pos++;
        }
        return Long.parseLong(text.substring(start, pos).replace("_", ""));
      }
      int quoteAt = pos;
      while (quoteAt < text.length()
          && quoteAt - pos < 2
          && Character.isLetter(text.charAt(quoteAt))) {
        quoteAt++;
      }
      if (quoteAt < text.length()
          && (text.charAt(quoteAt) == '\'' || text.charAt(quoteAt) == '"')) {
        return literal(text.substring(pos, quoteAt).toLowerCase(Locale.ROOT), quoteAt);
      }
      String name = name();
      return switch (name) {
        case "True" -> BooleanNode.TRUE;
        case "False" -> BooleanNode.FALSE;
        case "None" -> NullNode.getInstance();
        default -> {
          if (!names.containsKey(name)) {
            throw new IllegalArgumentException("unknown name '" + name + "' in: " + text);
          }
          yield names.get(name);
        }
      };
    }

    private Object literal(String prefix, int quoteAt) {
      if (!prefix.matches("|b|f|u|r|rb|br")) {
        throw new IllegalArgumentException(
            "unsupported string prefix '" + prefix + "' in: " + text);
      }
      pos = quoteAt;
      String body = quoted(prefix.contains("r"));
      if (prefix.contains("b")) {
        return latin1Bytes(body);
      }
      return prefix.equals("f") ? format(body) : body;
    }

    private String string() {
      skipSpace();
      Object value = atom();
      if (!(value instanceof String s)) {
        throw new IllegalArgumentException("expected a string in: " + text);
      }
      return s;
    }

    // Reads a quoted literal at pos, decoding escapes unless raw.
    private String quoted(boolean raw) {
      char quote = text.charAt(pos++);
      if (text.startsWith(String.valueOf(quote).repeat(2), pos)) {
        throw new IllegalArgumentException("triple-quoted strings are not supported: " + text);
      }
      StringBuilder out = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (pos >= text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        if (raw) {
          out.append('\\').append(e);
          continue;
        }
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case '0' -> out.append('\0');
          case '\\', '\'', '"' -> out.append(e);
          case 'x' -> out.append((char) hex(2));
          case 'u' -> out.append((char) hex(4));
          default -> out.append('\\').append(e);
        }
      }
      if (pos >= text.length()) {
        throw new IllegalArgumentException("unterminated string in: " + text);
      }
      pos++;
      return out.toString();
    }

    private int hex(int digits) {
      if (pos + digits > text.length()) {
        throw new IllegalArgumentException("bad escape in: " + text);
      }
      int value = Integer.parseInt(text.substring(pos, pos + digits), 16);
      pos += digits;
      return value;
    }

    // An f-string of plain {name} fields; str() of each value, as format() does.
    private String format(String body) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if ((c == '{' || c == '}') && i + 1 < body.length() && body.charAt(i + 1) == c) {
          out.append(c);
          i++;
        } else if (c == '{') {
          int end = body.indexOf('}', i);
          String field = end < 0 ? "" : body.substring(i + 1, end).strip();
          if (!field.matches("[A-Za-z_]\\w*") || !names.containsKey(field)) {
            throw new IllegalArgumentException("unsupported f-string field in: " + text);
          }
          out.append(str(names.get(field)));
          i = end;
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }

    private String name() {
      skipSpace();
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException("unsupported expression: " + text);
      }
      return text.substring(start, pos);
    }

    private boolean accept(char c) {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void skipSpace() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private Object add(Object left, Object right) {
      if (left instanceof Long a && right instanceof Long b) {
        return Math.addExact(a, b);
      }
      if (left instanceof String a && right instanceof String b) {
        ensureFits((long) a.length() + b.length(), 1);
        return a + b;
      }
      if (left instanceof byte[] a && right instanceof byte[] b) {
        ensureFits((long) a.length + b.length, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
      }
      throw new IllegalArgumentException("unsupported '+' in: " + text);
    }

    private Object multiply(Object left, Object right) {
      if (left instanceof Long a && right instanceof Long b) {
        return Math.multiplyExact(a, b);
      }
      if (left instanceof Long) {
        return multiply(right, left);
      }
      if (right instanceof Long times) {
        int n = (int) Math.max(0, Math.min(times, MAX_VALUE_LENGTH));
        if (left instanceof String s) {
          ensureFits(s.length(), n);
          return s.repeat(n);
        }
        if (left instanceof byte[] b) {
          ensureFits(b.length, n);
          byte[] out = new byte[b.length * n];
          for (int i = 0; i < n; i++) {
            System.arraycopy(b, 0, out, i * b.length, b.length);
          }
          return out;
        }
      }
      throw new IllegalArgumentException("unsupported '*' in: " + text);
    }

    private void ensureFits(long length, long times) {
      if (length * times > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("value too large in: " + text);
      }
    }

    // A bytes literal holds only ASCII and \x escapes, one byte per char.
    private byte[] latin1Bytes(String body) {
      for (int i = 0; i < body.length(); i++) {
        if (body.charAt(i) > 0xff) {
          throw new IllegalArgumentException("non-ASCII bytes literal in: " + text);
        }
      }
      return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String str(Object value) {
      if (value instanceof JsonNode node) {
        return PythonValues.str(node);
      }
      if (value instanceof byte[]) {
        throw new IllegalArgumentException("str() of bytes is not supported");
      }
      return String.valueOf(value);
    }
  }
}
