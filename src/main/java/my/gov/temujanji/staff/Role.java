package my.gov.temujanji.staff;

/**
 * What a staff member may do. Each role includes the ones below it: a BRANCH_ADMIN does everything
 * an OFFICER does at their branches, and a SYSTEM_ADMIN everything, at every branch. In Spring
 * Security the roles are {@code ROLE_OFFICER}, {@code ROLE_BRANCH_ADMIN}, {@code ROLE_SYSTEM_ADMIN}
 * with the same hierarchy, so {@code hasRole("OFFICER")} admits all three.
 */
public enum Role {
    /** Pegawai kaunter: checks applicants in at their branches. */
    OFFICER,
    /** Pentadbir cawangan: configures their branches, and works the counter there. */
    BRANCH_ADMIN,
    /** Pentadbir sistem: accounts, audit, every branch. */
    SYSTEM_ADMIN;

    /** Whether this role may do what {@code other} may. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** Whether accounts of this role work at chosen branches (all but SYSTEM_ADMIN). */
    public boolean hasBranches() {
        return this != SYSTEM_ADMIN;
    }
}
