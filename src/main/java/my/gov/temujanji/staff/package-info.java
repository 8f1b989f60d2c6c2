/**
 * The back office's foundation: who staff are, what they may open, and the security of every page.
 *
 * <p>Building a back-office capability (counter, branch configuration, reports) on it:
 * <ul>
 * <li><b>Who is signed in</b>: inject {@link my.gov.temujanji.staff.CurrentStaff} and call {@code get()}
 * for the {@link my.gov.temujanji.staff.StaffMember} (username, role, branches); templates use
 * {@code @currentStaff.get()}.</li>
 * <li><b>Branch scope</b>: put pages under {@code /staff/...} (needs OFFICER or above; {@code /staff/admin/...}
 * needs SYSTEM_ADMIN), take the branch code from the address, and call
 * {@code member.requireBranch(code)} (or {@code requireBranch(code, Role.BRANCH_ADMIN)}) first: another
 * branch is a 403 page. Lists use {@code member.canSee(code)}; a SYSTEM_ADMIN sees every branch. The
 * branches to choose from come from {@link my.gov.temujanji.staff.StaffBranches}, the one rule for them.</li>
 * <li><b>Audit</b>: in the {@code @Transactional} method that makes the change, call
 * {@code AuditLog.record(action, subjectType, subjectId, branchCode, before, after)}; it refuses to run
 * outside a transaction.</li>
 * <li><b>Navigation</b>: declare a {@link my.gov.temujanji.staff.StaffLink} bean; it appears in the bar
 * ({@code staff/fragments :: bar}, first in every staff page's {@code main}) and on the home page for
 * the roles that include its role.</li>
 * <li><b>Forms</b>: {@code th:action} adds the CSRF token; reuse {@code staff/fragments :: field} and
 * {@code platform.FormErrors}; a POST binds a form record ({@code @Valid @ModelAttribute}, constraints
 * such as {@code platform.RequiredText} and {@code platform.WholeNumber}) and shows its BindingResult with
 * {@code FormErrors.of}. No inline script or style: the Content-Security-Policy refuses them.</li>
 * <li><b>Tests</b>: {@code support.StaffFixture} makes accounts of each role; {@code new Http(port).loginAs(account)}
 * signs in through the real login page; {@code StaffFixture.login(driver, base, account)} in a browser.</li>
 * </ul>
 */
package my.gov.temujanji.staff;
