package io.asl4j.dsl.expression;

import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.Objects;

/**
 * One argument of an {@link IntrinsicCall}: a literal, a Path or a nested call.
 *
 * <pre>{@code
 * IntrinsicCall call = IntrinsicCall.parse("States.Format('{} items', $.count)");
 * call.arguments().get(0); // StringLiteral[value={} items, source={} items]
 * call.arguments().get(1); // PathArgument[path=$.count]
 * }</pre>
 */
public sealed interface IntrinsicArgument {

  /**
   * A single-quoted string. {@code value} is the string with its escapes ({@code \'}, {@code \{},
   * {@code \}}, {@code \\}) resolved; {@code source} is the text between the quotes as written.
   * They differ only where the escapes matter: in a {@code States.Format} template {@code \{\}} is
   * a literal {@code {}} while {@code {}} is a placeholder.
   */
  record StringLiteral(String value, String source) implements IntrinsicArgument {
    public StringLiteral {
      Objects.requireNonNull(value, "value == null");
      Objects.requireNonNull(source, "source == null");
    }

    /** The literal that a call would spell with every reserved character escaped. */
    public StringLiteral(String value) {
      this(value, escape(value));
    }

    private static String escape(String value) {
      StringBuilder out = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\'' || c == '{' || c == '}' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      return out.toString();
    }
  }

  /** A number, as JSON reads it: {@code 3} is an integer node, {@code 1.5} a floating one. */
  record NumberLiteral(NumericNode value) implements IntrinsicArgument {
    public NumberLiteral {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanLiteral(boolean value) implements IntrinsicArgument {}

  /** {@code null}. */
  record NullLiteral() implements IntrinsicArgument {}

  /** A Path ({@code $...}, {@code $$...}, {@code $name...}) evaluated when the call runs. */
  record PathArgument(AslPath path) implements IntrinsicArgument {
    public PathArgument {
      Objects.requireNonNull(path, "path == null");
    }
  }

  /**
   * A nested call, e.g. the {@code States.StringSplit(...)} in {@code States.ArrayGetItem(...)}.
   */
  record CallArgument(IntrinsicCall call) implements IntrinsicArgument {
    public CallArgument {
      Objects.requireNonNull(call, "call == null");
    }
  }
}
