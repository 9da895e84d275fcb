package fr.gasp.command.organisation;

import fr.gasp.command.directory.InMemoryOrganisationDirectory;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.organisation.MemberJoined;
import fr.gasp.events.organisation.MemberLeft;
import fr.gasp.events.organisation.MemberPersonalDataErased;
import fr.gasp.platform.problem.ConflictException;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.gasp.command.common.CommandTestSupport.CLOCK;
import static fr.gasp.command.common.CommandTestSupport.TODAY;
import static fr.gasp.command.common.CommandTestSupport.TOMORROW;
import static fr.gasp.command.common.CommandTestSupport.invalidInput;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * Members come and go (the agents' group has a deliberate turn-over). domain.md, "Personal
 * data": "Events never hold a person's name or contact: they refer to members by opaque id,
 * and the member registry (erasable on request, RGPD) holds the rest."
 */
class GroupMembershipTest {

    private static final UUID GASP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID GROUP_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID MEMBER_ID = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    private static final UUID OTHER_MEMBER_ID = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    private static final UUID UNKNOWN_MEMBER_ID = UUID.fromString("00000000-0000-0000-0000-00000000f0ff");

    private static final String NAME = "Nadia Benali";
    private static final String INSTITUTION = "PMI";
    private static final String ROLE = "puéricultrice";
    private static final LocalDate FORMED_ON = LocalDate.of(2000, 6, 20);
    private static final LocalDate JOINED_ON = LocalDate.of(2000, 9, 14);
    private static final LocalDate LEFT_ON = LocalDate.of(2001, 9, 13);

    private static final GroupCreated FORMED = new GroupCreated(GROUP_ID, GASP_ID, GroupKind.AGENTS,
            "Groupe des agents", FORMED_ON);
    private static final MemberJoined JOINED = new MemberJoined(GROUP_ID, MEMBER_ID, INSTITUTION, ROLE, JOINED_ON);
    private static final MemberLeft LEFT = new MemberLeft(GROUP_ID, MEMBER_ID, LEFT_ON);

    private InMemoryMemberRegistry registry;
    private FixtureConfiguration<Group> fixture;

    @BeforeEach
    void setUp() {
        registry = new InMemoryMemberRegistry();
        fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory().withGasp(GASP_ID));
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(CLOCK);
    }

    // --- joining

    @Test
    void a_member_joins_under_an_opaque_id_and_the_registry_keeps_the_name() {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, INSTITUTION, ROLE, JOINED_ON))
                .expectEvents(JOINED)
                .expectResultMessagePayload(1L);
        assertThat(registry.displayName(MEMBER_ID), is(Optional.of(NAME)));
        assertThat(registry.groupOf(MEMBER_ID), is(Optional.of(GROUP_ID)));
    }

    @Test
    void the_event_of_a_member_joining_holds_no_name() {
        List<String> components = Arrays.stream(MemberJoined.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(components, allOf(not(hasItem("displayName")), not(hasItem("name"))));

        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, INSTITUTION, ROLE, JOINED_ON))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(holdingNo(NAME)), andNoMore()));
        assertThat(registry.displayName(MEMBER_ID), is(Optional.of(NAME)));
    }

    @Test
    void names_institutions_and_roles_are_kept_without_surrounding_blanks() {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, "  " + NAME + "\n", " " + INSTITUTION + " ", "\t" + ROLE,
                        JOINED_ON))
                .expectEvents(JOINED);
        assertThat(registry.displayName(MEMBER_ID), is(Optional.of(NAME)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void the_institution_and_the_role_are_optional(String blank) {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, blank, blank, JOINED_ON))
                .expectEvents(new MemberJoined(GROUP_ID, MEMBER_ID, null, null, JOINED_ON));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t\n"})
    void a_member_needs_a_name(String displayName) {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, displayName, INSTITUTION, ROLE, JOINED_ON))
                .expectException(invalidInput("displayName"))
                .expectNoEvents();
        assertThat(registry.isEmpty(), is(true));
    }

    @Test
    void a_member_joining_without_a_date_joins_today_in_the_territory() {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, INSTITUTION, ROLE, null))
                .expectEvents(new MemberJoined(GROUP_ID, MEMBER_ID, INSTITUTION, ROLE, TODAY));
    }

    @Test
    void a_member_joins_on_the_day_the_group_is_formed() {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, INSTITUTION, ROLE, FORMED_ON))
                .expectEvents(new MemberJoined(GROUP_ID, MEMBER_ID, INSTITUTION, ROLE, FORMED_ON));
    }

    @Test
    void a_member_cannot_join_before_the_group_is_formed() {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, INSTITUTION, ROLE, FORMED_ON.minusDays(1)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
        assertThat(registry.isEmpty(), is(true));
    }

    @Test
    void a_member_cannot_join_tomorrow() {
        fixture.given(FORMED)
                .when(new AddMember(GROUP_ID, MEMBER_ID, NAME, INSTITUTION, ROLE, TOMORROW))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
        assertThat(registry.isEmpty(), is(true));
    }

    // --- leaving

    @Test
    void a_member_leaves_the_group() {
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, LEFT_ON))
                .expectEvents(LEFT)
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_registry_learns_when_a_member_left_so_meetings_after_it_cannot_name_them() {
        registry.register(MEMBER_ID, GROUP_ID, NAME, JOINED_ON);
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, LEFT_ON))
                .expectEvents(LEFT);
        assertThat(registry.leftOn(MEMBER_ID), is(Optional.of(LEFT_ON)));
    }

    @Test
    void a_member_may_leave_on_the_day_of_joining() {
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, JOINED_ON))
                .expectEvents(new MemberLeft(GROUP_ID, MEMBER_ID, JOINED_ON));
    }

    @Test
    void a_member_leaving_without_a_date_leaves_today() {
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, null))
                .expectEvents(new MemberLeft(GROUP_ID, MEMBER_ID, TODAY));
    }

    @Test
    void a_member_who_never_joined_the_group_is_not_found() {
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, UNKNOWN_MEMBER_ID, LEFT_ON))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString(UNKNOWN_MEMBER_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void a_member_who_already_left_cannot_leave_again() {
        fixture.given(FORMED, JOINED, LEFT)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, LEFT_ON.plusDays(7)))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void a_member_cannot_leave_before_joining() {
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, JOINED_ON.minusDays(1)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_member_cannot_leave_tomorrow() {
        fixture.given(FORMED, JOINED)
                .when(new RemoveMember(GROUP_ID, MEMBER_ID, TOMORROW))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    // --- erasure (RGPD)

    @Test
    void the_registry_forgets_a_member_s_name_on_request_and_the_erasure_is_recorded() {
        registry.withMember(MEMBER_ID, GROUP_ID, NAME).withMember(OTHER_MEMBER_ID, GROUP_ID, "Paul Delattre");
        fixture.given(FORMED, JOINED, new MemberJoined(GROUP_ID, OTHER_MEMBER_ID, "Poste", null, JOINED_ON))
                .when(new EraseMemberPersonalData(GROUP_ID, MEMBER_ID))
                .expectEvents(new MemberPersonalDataErased(GROUP_ID, MEMBER_ID, TODAY))
                .expectResultMessagePayload(3L);
        assertThat(registry.displayName(MEMBER_ID), is(Optional.empty()));
        assertThat(registry.isErased(MEMBER_ID), is(true));
        assertThat(registry.groupOf(MEMBER_ID), is(Optional.of(GROUP_ID)));
        assertThat(registry.displayName(OTHER_MEMBER_ID), is(Optional.of("Paul Delattre")));
    }

    @Test
    void a_member_who_left_may_be_forgotten_too() {
        registry.withMember(MEMBER_ID, GROUP_ID, NAME);
        fixture.given(FORMED, JOINED, LEFT)
                .when(new EraseMemberPersonalData(GROUP_ID, MEMBER_ID))
                .expectEvents(new MemberPersonalDataErased(GROUP_ID, MEMBER_ID, TODAY))
                .expectResultMessagePayload(3L);
        assertThat(registry.displayName(MEMBER_ID), is(Optional.empty()));
    }

    @Test
    void a_second_erasure_records_nothing() {
        registry.withMember(MEMBER_ID, GROUP_ID, NAME).erase(MEMBER_ID);
        fixture.given(FORMED, JOINED, new MemberPersonalDataErased(GROUP_ID, MEMBER_ID, LEFT_ON))
                .when(new EraseMemberPersonalData(GROUP_ID, MEMBER_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        assertThat(registry.isErased(MEMBER_ID), is(true));
    }

    @Test
    void the_personal_data_of_a_member_who_never_joined_the_group_is_not_found() {
        registry.withMember(UNKNOWN_MEMBER_ID, UUID.randomUUID(), "Quelqu'un d'un autre groupe");
        fixture.given(FORMED, JOINED)
                .when(new EraseMemberPersonalData(GROUP_ID, UNKNOWN_MEMBER_ID))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        assertThat(registry.displayName(UNKNOWN_MEMBER_ID), is(Optional.of("Quelqu'un d'un autre groupe")));
    }

    @Test
    void no_membership_event_has_a_place_for_a_name() {
        for (Class<?> event : List.of(MemberJoined.class, MemberLeft.class, MemberPersonalDataErased.class)) {
            List<String> components = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)
                    .toList();
            assertThat(event.getSimpleName(), components, allOf(not(hasItem("displayName")), not(hasItem("name"))));
        }
    }

    /** An event none of whose fields holds the given text. */
    private static Matcher<Object> holdingNo(String text) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object event) {
                return event.getClass().isRecord() && Arrays.stream(event.getClass().getRecordComponents())
                        .map(component -> value(component, event))
                        .noneMatch(value -> value != null && String.valueOf(value).contains(text));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event holding no ").appendValue(text);
            }
        };
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
