package fr.gasp.benchmarks;

import fr.gasp.benchmarks.ProposalLifecycles.Meeting;
import fr.gasp.benchmarks.ProposalLifecycles.Territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** GASPs set up through the command API, as a secretariat would: groups, members, meetings. */
final class Organisations {

    /** A GASP with its three groups. */
    record Gasp(UUID id, UUID agents, UUID users, UUID referents) {
    }

    private final Api api;
    private final String commandSide;

    Organisations(Api api, String commandSide) {
        this.api = api;
        this.commandSide = commandSide;
    }

    Gasp gasp(String name, LocalDate createdOn) throws Exception {
        UUID gasp = created("/api/gasps", "{\"name\":" + Api.quoted(name)
                + ",\"communes\":[\"Escaupont\",\"Bruay-sur-l'Escaut\"],\"occurredOn\":\"" + createdOn + "\"}");
        return new Gasp(gasp, group(gasp, "AGENTS", createdOn), group(gasp, "USERS", createdOn),
                group(gasp, "REFERENTS", createdOn));
    }

    /**
     * A GASP that has been running for years: members in each group and the meetings its
     * cadence expects (agents monthly, users quarterly, referents twice a year, one joint meeting).
     */
    Territory territory(String name, int firstYear, int lastYear, int membersPerGroup) throws Exception {
        LocalDate first = LocalDate.of(firstYear, 1, 1);
        Gasp gasp = gasp(name, first);
        for (UUID group : List.of(gasp.agents(), gasp.users(), gasp.referents())) {
            for (int member = 1; member <= membersPerGroup; member++) {
                created("/api/groups/" + group + "/members", "{\"displayName\":\"Membre " + member
                        + "\",\"institution\":\"Institution " + (member % 4) + "\",\"role\":\"membre\",\"occurredOn\":\""
                        + first + "\"}");
            }
        }
        List<Meeting> meetings = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            for (int month = 1; month <= 12; month++) {
                meetings.add(meeting(gasp, "GROUP", gasp.agents(), LocalDate.of(year, month, 8)));
            }
            for (int quarter = 0; quarter < 4; quarter++) {
                meetings.add(meeting(gasp, "GROUP", gasp.users(), LocalDate.of(year, 3 * quarter + 2, 14)));
            }
            meetings.add(meeting(gasp, "REFERENTS_SESSION", gasp.referents(), LocalDate.of(year, 3, 20)));
            meetings.add(meeting(gasp, "REFERENTS_SESSION", gasp.referents(), LocalDate.of(year, 10, 16)));
            meetings.add(meeting(gasp, "JOINT", null, LocalDate.of(year, 12, 4)));
        }
        return new Territory(gasp.id(), List.of(gasp.agents(), gasp.users()), gasp.referents(), meetings, first,
                LocalDate.of(lastYear, 12, 31));
    }

    private Meeting meeting(Gasp gasp, String kind, UUID group, LocalDate date) throws Exception {
        UUID id = created("/api/meetings", "{\"gaspId\":\"" + gasp.id() + "\",\"kind\":\"" + kind + "\","
                + (group == null ? "" : "\"groupId\":\"" + group + "\",") + "\"occurredOn\":\"" + date
                + "\",\"attendeeCount\":12}");
        return new Meeting(id, group, date);
    }

    private UUID group(UUID gasp, String kind, LocalDate createdOn) throws Exception {
        return created("/api/groups", "{\"gaspId\":\"" + gasp + "\",\"kind\":\"" + kind + "\",\"name\":\"Groupe "
                + kind + "\",\"occurredOn\":\"" + createdOn + "\"}");
    }

    private UUID created(String path, String body) throws Exception {
        Api.Answer answer = api.post(commandSide, "secretariat", path, body).expect(201, "POST " + path);
        return UUID.fromString(answer.json().get("id").asText());
    }
}
