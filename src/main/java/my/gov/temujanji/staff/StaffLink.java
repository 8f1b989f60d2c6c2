package my.gov.temujanji.staff;

/**
 * One entry of the back office's navigation and of the staff home page. Each capability declares its
 * own as a bean, and the links appear to the roles that include {@code role}:
 *
 * <pre>{@code
 * @Bean
 * StaffLink counterLink() {
 *     return new StaffLink("/staff/counter", "staff.nav.counter", "staff.nav.counter.hint", Role.OFFICER, 10);
 * }
 * }</pre>
 *
 * The URL rule must match: everything under {@code /staff/} needs OFFICER, under {@code /staff/admin/}
 * SYSTEM_ADMIN (see SecurityConfiguration); finer rules are checked in the handler
 * ({@link StaffMember#requireBranch(String, Role)}).
 *
 * @param labelKey message key of the link's text (both bundles)
 * @param hintKey  message key of the sentence under it on the home page
 * @param order    lower first: 10-49 counter work, 50-79 branch configuration and reports, 80+ system
 */
public record StaffLink(String path, String labelKey, String hintKey, Role role, int order) {
}
