package io.asl4j.dsl.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a JSONata expression into the few token kinds that variable analysis needs.
 *
 * <p>It follows the lexical rules of JSONata's own tokenizer (quotes, backquoted names, comments,
 * regular expressions, names ending at whitespace or an operator character) so that a {@code $}
 * inside a string or a regular expression is never mistaken for a variable. It does not parse:
 * callers only look at short windows of tokens.
 */
final class JsonataScanner {

  /** What a token is; only the distinctions the analysis needs. */
  enum Kind {
    VARIABLE,
    NAME,
    OPERATOR,
    LITERAL
  }

  /** One token; {@code text} is the variable name without {@code $}, the name, or the operator. */
  record Token(Kind kind, String text) {
    boolean isOperator(String operator) {
      return kind == Kind.OPERATOR && text.equals(operator);
    }
  }

  private static final String SINGLE_OPERATORS = ".[]{}(),@#;:?+-*/%|=<>^&!~";
  private static final String[] DOUBLE_OPERATORS = {
    "..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"
  };
  private static final String WHITESPACE = " \t\n\r";

  private final String source;
  private int position;
  private final List<Token> tokens = new ArrayList<>();

  private JsonataScanner(String source) {
    this.source = source;
  }

  /** The tokens of {@code source}; an unterminated construct simply ends the list. */
  static List<Token> scan(String source) {
    JsonataScanner scanner = new JsonataScanner(source);
    scanner.run();
    return scanner.tokens;
  }

  private void run() {
    while (position < source.length()) {
      char c = source.charAt(position);
      if (WHITESPACE.indexOf(c) >= 0) {
        position++;
      } else if (source.startsWith("/*", position)) {
        int end = source.indexOf("*/", position + 2);
        position = end < 0 ? source.length() : end + 2;
      } else if (c == '/' && expectsOperand()) {
        skipRegex();
        tokens.add(new Token(Kind.LITERAL, "/regex/"));
      } else if (c == '"' || c == '\'') {
        skipString(c);
        tokens.add(new Token(Kind.LITERAL, "string"));
      } else if (c == '`') {
        int end = source.indexOf('`', position + 1);
        int stop = end < 0 ? source.length() : end;
        tokens.add(new Token(Kind.NAME, source.substring(position + 1, stop)));
        position = end < 0 ? source.length() : end + 1;
      } else if (!scanOperator()) {
        scanWord(c);
      }
    }
  }

  /**
   * Whether a {@code /} here starts a regular expression: JSONata reads one only where an operand
   * is expected, i.e. at the start or after an operator other than a closing bracket.
   */
  private boolean expectsOperand() {
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    return last.kind() == Kind.OPERATOR && !")]}".contains(last.text());
  }

  private void skipRegex() {
    int depth = 0;
    position++;
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\\') {
        position += 2;
        continue;
      }
      if (c == '/' && depth == 0) {
        position++;
        while (position < source.length() && "im".indexOf(source.charAt(position)) >= 0) {
          position++;
        }
        return;
      }
      if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0) {
        depth--;
      }
      position++;
    }
  }

  private void skipString(char quote) {
    position++;
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\\') {
        position += 2;
      } else {
        position++;
        if (c == quote) {
          return;
        }
      }
    }
  }

  private boolean scanOperator() {
    for (String operator : DOUBLE_OPERATORS) {
      if (source.startsWith(operator, position)) {
        tokens.add(new Token(Kind.OPERATOR, operator));
        position += 2;
        return true;
      }
    }
    char c = source.charAt(position);
    if (SINGLE_OPERATORS.indexOf(c) >= 0) {
      tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
      position++;
      return true;
    }
    return false;
  }

  private void scanWord(char first) {
    int end = position;
    if (Character.isDigit(first)) {
      // A number may carry '.', 'e' and a sign, which would otherwise end or split the word.
      end++;
      while (end < source.length()
          && (Character.isDigit(source.charAt(end))
              || source.charAt(end) == '.'
                  && end + 1 < source.length()
                  && Character.isDigit(source.charAt(end + 1))
              || "eE".indexOf(source.charAt(end)) >= 0
              || "+-".indexOf(source.charAt(end)) >= 0
                  && "eE".indexOf(source.charAt(end - 1)) >= 0)) {
        end++;
      }
      tokens.add(new Token(Kind.LITERAL, source.substring(position, end)));
      position = end;
      return;
    }
    while (end < source.length()
        && WHITESPACE.indexOf(source.charAt(end)) < 0
        && SINGLE_OPERATORS.indexOf(source.charAt(end)) < 0) {
      end++;
    }
    String word = source.substring(position, end);
    position = end;
    if (first == '$') {
      tokens.add(new Token(Kind.VARIABLE, word.substring(1)));
    } else if (word.equals("and") || word.equals("or") || word.equals("in")) {
      tokens.add(new Token(Kind.OPERATOR, word));
    } else if (word.equals("true") || word.equals("false") || word.equals("null")) {
      tokens.add(new Token(Kind.LITERAL, word));
    } else {
      tokens.add(new Token(Kind.NAME, word));
    }
  }
}
