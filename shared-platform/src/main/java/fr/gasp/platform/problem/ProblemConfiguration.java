package fr.gasp.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the problem+json answers into every app that has this module. */
@AutoConfiguration
@Import({ProblemResponses.class, ProblemWriter.class})
public class ProblemConfiguration {
}
