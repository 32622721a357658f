package jp.ishigaki;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays framework-free (STYLE.md "Layout"): no Quarkus, Jakarta, Hibernate, Kafka, SmallRye or Vert.x. */
@AnalyzeClasses(packages = "jp.ishigaki", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax.persistence..",
                    "org.hibernate..", "org.apache.kafka..", "io.smallrye..", "io.vertx..", "org.eclipse.microprofile..")
            .because("the domain is plain Java: policies and the workflow are tested without a framework");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..application..");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnAdapters = noClasses().that()
            .resideInAPackage("jp.ishigaki.incident.application..")
            .should().dependOnClassesThat().resideInAPackage("jp.ishigaki.incident.adapter..");
}
