package io.asl4j.dsl.model;

/** Every JSONPath Choice comparison operator, with the type of value it compares. */
public enum ComparisonOperator {
  STRING_EQUALS("StringEquals", Kind.STRING, false),
  STRING_EQUALS_PATH("StringEqualsPath", Kind.STRING, true),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, false),
  STRING_LESS_THAN_PATH("StringLessThanPath", Kind.STRING, true),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, false),
  STRING_GREATER_THAN_PATH("StringGreaterThanPath", Kind.STRING, true),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, false),
  STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Kind.STRING, true),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, false),
  STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Kind.STRING, true),
  STRING_MATCHES("StringMatches", Kind.STRING_PATTERN, false),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, false),
  NUMERIC_EQUALS_PATH("NumericEqualsPath", Kind.NUMERIC, true),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, false),
  NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Kind.NUMERIC, true),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, false),
  NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Kind.NUMERIC, true),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, false),
  NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Kind.NUMERIC, true),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, false),
  NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Kind.NUMERIC, true),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, false),
  BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Kind.BOOLEAN, true),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, false),
  TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Kind.TIMESTAMP, true),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, false),
  TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Kind.TIMESTAMP, true),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, false),
  TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Kind.TIMESTAMP, true),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, false),
  TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Kind.TIMESTAMP, true),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, false),
  TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Kind.TIMESTAMP, true),
  IS_NULL("IsNull", Kind.TYPE_TEST, false),
  IS_PRESENT("IsPresent", Kind.TYPE_TEST, false),
  IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, false),
  IS_STRING("IsString", Kind.TYPE_TEST, false),
  IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, false),
  IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, false);

  /** What an operator compares, which fixes the JSON type of its literal operand. */
  public enum Kind {
    STRING,
    STRING_PATTERN,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    /** {@code Is*}: the operand is a boolean saying whether the test should hold. */
    TYPE_TEST
  }

  private final String aslName;
  private final Kind kind;
  private final boolean path;

  ComparisonOperator(String aslName, Kind kind, boolean path) {
    this.aslName = aslName;
    this.kind = kind;
    this.path = path;
  }

  public String aslName() {
    return aslName;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the operand is a path to the value to compare with ({@code *Path} operators). */
  public boolean isPath() {
    return path;
  }

  /** The operator named {@code name} in ASL, or {@code null}. */
  public static ComparisonOperator fromAslName(String name) {
    return AslNames.find(values(), ComparisonOperator::aslName, name);
  }
}
