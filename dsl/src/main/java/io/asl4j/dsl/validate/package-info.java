/**
 * The one validator of asl4j: {@link io.asl4j.dsl.validate.Validator} checks a definition as AWS
 * does when it is created, and reports every {@link io.asl4j.dsl.validate.Problem} with a JSON
 * pointer and a stable tag.
 *
 * <pre>{@code
 * Validator.validate(machine).throwIfInvalid();
 * }</pre>
 *
 * <p>Tags, by area: graph ({@code UnknownState}, {@code CrossScopeTransition}, {@code
 * DuplicateStateName}, {@code EmptyStateName}, {@code StateNameTooLong}, {@code UnreachableState},
 * {@code NotReachableFromStart} (a warning), {@code NoTerminalState}, {@code NextOrEnd}); fields
 * ({@code MissingField}, {@code OneOf}, {@code WrongType}, {@code InvalidValue}, {@code
 * NumberRange}, {@code WaitTime}, {@code InvalidTimestamp}, {@code HeartbeatNotBelowTimeout},
 * {@code EmptyChoices}, {@code EmptyCondition}, {@code EmptyBranches}, {@code InvalidLabel}, {@code
 * OperandType}); errors ({@code EmptyErrorEquals}, {@code AllNotAlone}, {@code AllNotLast}, {@code
 * ReservedErrorName}); resources ({@code UnknownResource}, {@code ExpressUnsupported}); query
 * languages ({@code FieldNotAllowedInJsonata}, {@code FieldNotAllowedInJsonPath}, {@code
 * QueryLanguageDowngrade}); expressions ({@code InvalidPath}, {@code InvalidTemplateValue}, {@code
 * DuplicateTemplateField}, {@code JsonataSyntax}, {@code JsonataNotChecked} (a warning: an
 * expression over 10,000 characters is not parsed), {@code StatesVariableNotAvailable}, {@code
 * InvalidVariableName}, {@code UnassignedVariable} (a warning)); size and shape ({@code
 * DefinitionTooLarge}, {@code NestingTooDeep} for JSON nested more than 500 levels, {@code
 * NumberRange} also for NaN and infinities in a model built in code).
 */
package io.asl4j.dsl.validate;
