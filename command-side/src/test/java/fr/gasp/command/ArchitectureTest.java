package fr.gasp.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command side's boundaries, as rules rather than good intentions. */
@AnalyzeClasses(packages = "fr.gasp.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule never_reads_the_query_side =
            noClasses().should().dependOnClassesThat().resideInAPackage("fr.gasp.query..")
                    .because("the command side decides from its own events, never from read models");

    @ArchTest
    static final ArchRule aggregates_know_nothing_of_http_or_sql =
            classes().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                    .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                            "org.springframework.web..", "org.springframework.http..", "org.springframework.jdbc..",
                            "java.sql..", "jakarta.servlet..")
                    .because("every lifecycle rule lives in the aggregate, free of transport and storage");

    @ArchTest
    static final ArchRule only_controllers_and_the_demo_send_commands =
            noClasses().that().areNotAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                    .and().resideOutsideOfPackage("fr.gasp.command.demo..")
                    .should().dependOnClassesThat()
                    .areAssignableTo(org.axonframework.commandhandling.gateway.CommandGateway.class)
                    .because("controllers translate HTTP into commands; only the demo data is sent otherwise");

    @ArchTest
    static final ArchRule controllers_hold_no_rules =
            noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                    .should().dependOnClassesThat().resideInAPackage("fr.gasp.events.proposal..")
                    .because("a controller builds commands; events and their status table are the aggregate's");
}
