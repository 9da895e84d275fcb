package fr.gasp.query.meeting;

import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.common.ReadYourWrites;
import fr.gasp.query.meeting.MeetingViews.Filter;
import fr.gasp.query.meeting.MeetingViews.MeetingView;
import fr.gasp.query.meeting.MeetingViews.MinutesVersion;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Meetings as the read model has them: lists, one meeting, every version of its minutes. */
@RestController
@RequestMapping("/api/meetings")
public class MeetingQueryController {

    private final MeetingQueries meetings;
    private final ReadYourWrites readYourWrites;

    public MeetingQueryController(MeetingQueries meetings, ReadYourWrites readYourWrites) {
        this.meetings = meetings;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    public List<MeetingView> list(@RequestParam(required = false) UUID gaspId,
                                  @RequestParam(required = false) UUID groupId,
                                  @RequestParam(required = false) @Min(1900) @Max(2999) Integer year) {
        return meetings.list(new Filter(gaspId, groupId, year));
    }

    @GetMapping("/{id}")
    public MeetingView get(@PathVariable UUID id, @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.awaitVersion(id, minVersion, () -> meetings.version(id), "La réunion " + id);
        return meetings.find(id).orElseThrow(() -> unknown(id));
    }

    @GetMapping("/{id}/minutes")
    public List<MinutesVersion> minutes(@PathVariable UUID id,
                                        @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.awaitVersion(id, minVersion, () -> meetings.version(id), "La réunion " + id);
        if (meetings.version(id).isEmpty()) {
            throw unknown(id);
        }
        return meetings.minutes(id);
    }

    private static NotFoundException unknown(UUID id) {
        return new NotFoundException("La réunion", id);
    }
}
