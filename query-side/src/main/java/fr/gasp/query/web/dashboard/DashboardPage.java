package fr.gasp.query.web.dashboard;

import fr.gasp.query.report.Dashboard;
import fr.gasp.query.report.DashboardService;
import fr.gasp.query.web.GaspPicker;
import fr.gasp.query.web.GaspPicker.Picked;
import fr.gasp.query.web.PageController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/** The elected officials' dashboard: one GASP, all years or one. */
@PageController
public class DashboardPage {

    private final GaspPicker picker;
    private final DashboardService dashboards;

    public DashboardPage(GaspPicker picker, DashboardService dashboards) {
        this.picker = picker;
        this.dashboards = dashboards;
    }

    @GetMapping("/")
    public String dashboard(@RequestParam(required = false) UUID gaspId,
                            @RequestParam(required = false) @Min(1900) @Max(2999) Integer year, Model model) {
        Picked picked = picker.pick(gaspId);
        model.addAttribute("nav", "tableau");
        model.addAttribute("picked", picked);
        model.addAttribute("gaspId", picked.gaspId());
        model.addAttribute("year", year);
        if (picked.gasp() != null) {
            Dashboard dashboard = dashboards.build(picked.gasp(), year, picked.today());
            model.addAttribute("dashboard", dashboard);
            model.addAttribute("proposalCount",
                    dashboard.countsByStatus().values().stream().mapToLong(Long::longValue).sum());
        }
        return "dashboard";
    }
}
