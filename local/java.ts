/**
 * JVM options for the Java tools the twin and the tests run (DynamoDB Local, the Nu checker):
 * the client compiler only and the serial collector. Measured on the 500-client capacity
 * test (2 cores): DynamoDB Local used 51 CPU-seconds instead of 74, in the same time, since
 * the server compiler's and G1's threads compete with the tests for the two cores.
 * `npm run bench` keeps the JVM's defaults: it measures the engine at its fastest.
 */
export const LEAN_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
