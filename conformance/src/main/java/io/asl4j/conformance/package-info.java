/**
 * The interpreter-independent half of the conformance harness: reading the AWS-recorded cases,
 * mocking their Lambda functions, comparing a run's result with what AWS recorded, and reporting.
 *
 * <p>Cases are data read from a folder given at run time (see the corpus README); nothing here
 * knows any particular case.
 */
package io.asl4j.conformance;
