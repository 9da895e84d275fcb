package fr.gasp.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side's boundaries: it reads events and serves reads, it never changes anything. */
@AnalyzeClasses(packages = "fr.gasp.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule never_sends_commands =
            noClasses().should().dependOnClassesThat().resideInAnyPackage(
                            "org.axonframework.commandhandling..", "fr.gasp.command..")
                    .because("the query side only reflects what the command side decided");

    @ArchTest
    static final ArchRule never_appends_events =
            noClasses().should().dependOnClassesThat().areAssignableTo(
                            org.axonframework.eventhandling.EventBus.class)
                    .because("the event store belongs to the command side");
}
