package my.gov.temujanji.branchconfig;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.BranchSettings;
import my.gov.temujanji.schedule.ScheduleAdministration;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffBranches;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Branch configuration (konfigurasi cawangan) for the branch's BRANCH_ADMIN and any SYSTEM_ADMIN:
 * the choice of branch and its overview, each setting opening its own page: weekly hours
 * ({@link HoursPages}), places, slot length and booking window per transaction type
 * ({@link OfferingSettingsPages}), minutes of grace for late applicants ({@link LateGracePages}) and
 * branch closures ({@link ClosurePages}). A change that takes places away from booked applicants is
 * shown first with who is affected ({@code branchconfig/affected}) and made only when the administrator
 * confirms.
 */
@Controller
@RequiredArgsConstructor
class BranchSettingsPages {

    private final CurrentStaff current;
    private final StaffBranches branches;
    private final BranchSettingsFlow flow;
    private final BranchSettings offerings;
    private final ScheduleAdministration schedule;
    private final Clock clock;

    @Bean
    static StaffLink branchSettingsLink() {
        return new StaffLink("/staff/branch-settings", "branchcfg.nav", "branchcfg.nav.hint", Role.BRANCH_ADMIN, 60);
    }

    /** The branches the member may configure; straight to the one when there is only one. */
    @GetMapping("/staff/branch-settings")
    Object choose(Model model) {
        StaffMember member = current.get();
        if (!member.is(Role.BRANCH_ADMIN)) {
            throw new AccessDeniedException(member.username() + " is not a BRANCH_ADMIN");
        }
        List<Branch> choices = branches.toWorkAt(member);
        if (choices.size() == 1) {
            return seeOther(BranchSettingsFlow.overview(choices.get(0).code()));
        }
        model.addAttribute("branches", choices);
        return "branchconfig/choose";
    }

    @GetMapping("/staff/branch/{code}/settings")
    String overview(@PathVariable String code, Model model) {
        Branch branch = flow.branch(code);
        model.addAttribute("branch", branch);
        model.addAttribute("hours", schedule.hours(code));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("offerings", offerings.settingsAt(code));
        model.addAttribute("lateGraceMinutes", offerings.lateGraceMinutes(code));
        model.addAttribute("closures", schedule.closures(code, LocalDate.now(clock)));
        return "branchconfig/overview";
    }
}
