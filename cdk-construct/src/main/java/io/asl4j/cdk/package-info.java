/** asl4j cdk. */
package io.asl4j.cdk;
