package my.gov.temujanji.staff;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in staff member, as {@link CurrentStaff#get()} gives it: read from the database on each
 * request, so a change of branches or a disabled account takes effect at once.
 *
 * @param branches the branch codes they work at, in order; empty for a SYSTEM_ADMIN, who sees every branch
 */
public record StaffMember(String username, String displayName, Role role, Set<String> branches,
        boolean mustChangePassword) {

    public StaffMember {
        branches = Collections.unmodifiableSortedSet(new TreeSet<>(branches));
    }

    public boolean is(Role atLeast) {
        return role.includes(atLeast);
    }

    /** Whether this member may see and work on the branch's data. */
    public boolean canSee(String branchCode) {
        return role == Role.SYSTEM_ADMIN || branches.contains(branchCode);
    }

    /**
     * Refuses a branch this member does not work at: the {@link AccessDeniedException} becomes a 403
     * page (or a 403 problem under {@code /api/}). Call it first in every branch-scoped handler.
     */
    public void requireBranch(String branchCode) {
        if (!canSee(branchCode)) {
            throw new AccessDeniedException(username + " does not work at branch " + branchCode);
        }
    }

    /** {@link #requireBranch} and at least the given role, e.g. BRANCH_ADMIN for branch configuration. */
    public void requireBranch(String branchCode, Role atLeast) {
        if (!is(atLeast)) {
            throw new AccessDeniedException(username + " is not " + atLeast);
        }
        requireBranch(branchCode);
    }
}
