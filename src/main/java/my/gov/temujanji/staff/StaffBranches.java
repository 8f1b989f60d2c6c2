package my.gov.temujanji.staff;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import org.springframework.stereotype.Component;

/**
 * The branches a staff member sees, the one rule for every back-office list: the branches they work at,
 * active or not (appointments booked before a branch closed still need them), in the order of their
 * codes; a system administrator, who works at none, sees every branch.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StaffBranches {

    private final Catalogue catalogue;

    /** The branches the member works at; none for a system administrator. */
    public List<Branch> own(StaffMember member) {
        return member.branches().stream().map(catalogue::branch).flatMap(Optional::stream).toList();
    }

    /** Every branch the member may see, active or not: for looking back (reports). */
    public List<Branch> visible(StaffMember member) {
        return member.role() == Role.SYSTEM_ADMIN ? catalogue.allBranches() : own(member);
    }

    /**
     * The branches to choose from for today's work (the counter, branch settings): a system
     * administrator's are the active ones, by department as applicants see them.
     */
    public List<Branch> toWorkAt(StaffMember member) {
        return member.role() == Role.SYSTEM_ADMIN
                ? catalogue.departments().stream().flatMap(d -> catalogue.branchesOf(d.code()).stream()).toList()
                : own(member);
    }
}
