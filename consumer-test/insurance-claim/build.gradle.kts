// The same project for Gradle (README.md shows this file); CI builds the Maven pom.xml beside it.
plugins {
    java
}

repositories {
    mavenLocal() // asl4j is installed there by `mvn install` in a clone of asl4j, until it is published
    mavenCentral()
}

val asl4jVersion = "0.1.0-SNAPSHOT"

dependencies {
    implementation(platform("io.asl4j:asl4j-bom:$asl4jVersion"))
    annotationProcessor(platform("io.asl4j:asl4j-bom:$asl4jVersion"))
    implementation("io.asl4j:asl4j-dsl")
    implementation("io.asl4j:asl4j-cdk-construct")
    annotationProcessor("io.asl4j:asl4j-annotation-processor")
    testImplementation("io.asl4j:asl4j-runtime")
    testImplementation("io.asl4j:asl4j-junit")
    testImplementation("org.junit.jupiter:junit-jupiter:5.14.4")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

java {
    toolchain.languageVersion = JavaLanguageVersion.of(17)
}

tasks.compileJava {
    options.compilerArgs.addAll(listOf("-Xlint:all", "-Werror"))
}

tasks.compileTestJava {
    options.compilerArgs.addAll(listOf("-Xlint:all", "-Werror")) // no testAnnotationProcessor: tests are not processed
}

tasks.test {
    useJUnitPlatform()
}
