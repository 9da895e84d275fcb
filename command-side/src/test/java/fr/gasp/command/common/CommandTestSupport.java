package fr.gasp.command.common;

import fr.gasp.platform.problem.FieldProblem;
import fr.gasp.platform.problem.InvalidInputException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** What the organisation and meeting tests share: the test clock and a matcher for 400 refusals. */
public final class CommandTestSupport {

    /** 00:30 on 15 June 2002 in Paris, when it is still 14 June in UTC. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2002-06-14T22:30:00Z"), ZoneId.of("Europe/Paris"));
    public static final LocalDate TODAY = LocalDate.of(2002, 6, 15);
    public static final LocalDate TOMORROW = TODAY.plusDays(1);

    private CommandTestSupport() {
    }

    /** An {@link InvalidInputException} that blames the given field. */
    public static Matcher<InvalidInputException> invalidInput(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInputException exception) {
                return exception.errors().stream().map(FieldProblem::field).anyMatch(field::equals);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInputException on field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(InvalidInputException exception, Description mismatch) {
                mismatch.appendText("was on ").appendValue(exception.errors());
            }
        };
    }
}
