/**
 * The Step Functions API on localhost: {@link io.asl4j.server.Asl4jServer} answers the AWS JSON 1.0
 * protocol the AWS SDKs, the AWS CLI and boto3 speak, running every execution on the asl4j runtime.
 */
package io.asl4j.server;
