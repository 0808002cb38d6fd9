/**
 * The conformance harness, test code of module {@code conformance} (never deployed): reading the
 * AWS-recorded cases, mocking their Lambda functions, running them on the runtime, comparing a
 * run's result with what AWS recorded, and reporting. Its users are this module's suites and the
 * {@code asl4j conformance} command, which bundles it in the command line's application jar.
 *
 * <p>Cases are data read from a folder given at run time (see the corpus README); nothing here
 * knows any particular case.
 */
package io.asl4j.conformance;
