package my.gov.temujanji.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to departments, branches and what each branch offers. Nothing is cached: a branch or
 * offering deactivated by an administrator is refused at once by whatever reads it here (booking does,
 * through {@link #requireOffered}).
 *
 * <p>Lists are what applicants see: active branches and offered transaction types only, and departments
 * with at least one active branch. Single look-ups ({@link #branch}, {@link #offering},
 * {@link #requireOffering}) also find inactive ones, for appointments booked before.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Catalogue {

    private static final String BRANCH_COLUMNS =
            "b.code, b.department_code, b.state_code, b.name_ms, b.name_en, b.address, b.active";
    private static final String TYPE_COLUMNS = "t.code, t.name_ms, t.name_en, t.slot_minutes, t.lead_days, t.window_months,"
            + " t.email_confirmation";
    // Offered at a branch: its own booking window for the type (offering.lead_days / window_months) wins.
    private static final String OFFERED_TYPE_COLUMNS = "t.code, t.name_ms, t.name_en, t.slot_minutes,"
            + " coalesce(o.lead_days, t.lead_days), coalesce(o.window_months, t.window_months), t.email_confirmation";

    private final JdbcClient jdbc;

    public List<Department> departments() {
        return jdbc.sql("""
                        SELECT code, name_ms, name_en, state_code FROM department d
                        WHERE EXISTS (SELECT 1 FROM branch b WHERE b.department_code = d.code AND b.active)
                        ORDER BY code = 'HQ' DESC, name_ms""")
                .query((rs, n) -> department(rs))
                .list();
    }

    /** A department applicants can choose: one with an active branch. */
    public Optional<Department> department(String code) {
        return departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Every department, active branches or not, for the back office. */
    public List<Department> allDepartments() {
        return jdbc.sql("SELECT code, name_ms, name_en, state_code FROM department ORDER BY code = 'HQ' DESC, name_ms")
                .query((rs, n) -> department(rs))
                .list();
    }

    /** Every branch, active or not, in the order of their codes, for the back office. */
    public List<Branch> allBranches() {
        return jdbc.sql("SELECT " + BRANCH_COLUMNS + " FROM branch b ORDER BY b.code").query((rs, n) -> branch(rs)).list();
    }

    public List<TransactionType> transactionTypes() {
        return jdbc.sql("SELECT " + TYPE_COLUMNS + " FROM transaction_type t ORDER BY t.code")
                .query((rs, n) -> type(rs, 1))
                .list();
    }

    public List<State> states() {
        return jdbc.sql("SELECT code, name_ms, name_en FROM state ORDER BY name_ms")
                .query((rs, n) -> new State(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3))))
                .list();
    }

    /** Everything a branch has ever offered, active or not, for the back office. */
    public List<Offering> allOfferingsAt(String branchCode) {
        return offerings("o.branch_code = ?", branchCode);
    }

    public List<Branch> branchesOf(String departmentCode) {
        return jdbc.sql("SELECT " + BRANCH_COLUMNS + " FROM branch b WHERE b.department_code = ? AND b.active ORDER BY b.name_ms")
                .param(departmentCode)
                .query((rs, n) -> branch(rs))
                .list();
    }

    public Optional<Branch> branch(String code) {
        return jdbc.sql("SELECT " + BRANCH_COLUMNS + " FROM branch b WHERE b.code = ?")
                .param(code)
                .query((rs, n) -> branch(rs))
                .optional();
    }

    /** What a branch offers applicants now, in the order of the transaction types' codes. */
    public List<Offering> offeringsAt(String branchCode) {
        return offerings("o.branch_code = ? AND o.active AND b.active", branchCode);
    }

    public Optional<Offering> offering(String branchCode, String serviceCode) {
        return offerings("o.branch_code = ? AND o.service_code = ?", branchCode, serviceCode).stream().findFirst();
    }

    /** The active branch, or the API's 404 {@code UNKNOWN_BRANCH}: applicants never see an inactive one. */
    public Branch requireBranch(String branchCode) {
        return branch(branchCode).filter(Branch::active)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_BRANCH", branchCode));
    }

    /**
     * The offering, active or not (an appointment booked before keeps its slip), or the API's 404 for an
     * unknown branch or a transaction type it never offered.
     */
    public Offering requireOffering(String branchCode, String serviceCode) {
        return offering(branchCode, serviceCode).orElseThrow(() -> notOffered(branchCode, serviceCode));
    }

    /**
     * The offering as applicants may book it now, read fresh from the database, or the API's 404: an
     * inactive branch is unknown ({@code UNKNOWN_BRANCH}), an inactive offering not offered
     * ({@code UNKNOWN_SERVICE}), as if they had never existed.
     */
    public Offering requireOffered(String branchCode, String serviceCode) {
        return offering(branchCode, serviceCode).filter(Offering::offered)
                .orElseThrow(() -> notOffered(branchCode, serviceCode));
    }

    private ApiProblem notOffered(String branchCode, String serviceCode) {
        requireBranch(branchCode); // which of the two codes is unknown decides the answer
        return new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_SERVICE", serviceCode, branchCode);
    }

    private List<Offering> offerings(String condition, Object... params) {
        return jdbc.sql("SELECT " + BRANCH_COLUMNS + ", " + OFFERED_TYPE_COLUMNS
                        + ", o.slot_minutes AS offered_minutes, o.capacity, o.active AS offering_active"
                        + " FROM offering o JOIN branch b ON b.code = o.branch_code"
                        + " JOIN transaction_type t ON t.code = o.service_code WHERE " + condition + " ORDER BY t.code")
                .params(params)
                .query((rs, n) -> new Offering(branch(rs), type(rs, 8), rs.getInt("offered_minutes"),
                        rs.getInt("capacity"), rs.getBoolean("offering_active")))
                .list();
    }

    private static Branch branch(ResultSet rs) throws SQLException {
        return new Branch(rs.getString(1), rs.getString(2), rs.getString(3),
                new LocalizedText(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getBoolean(7));
    }

    /** The transaction type whose {@link #TYPE_COLUMNS} (or offered ones) start at column {@code first}. */
    private static TransactionType type(ResultSet rs, int first) throws SQLException {
        return new TransactionType(rs.getString(first),
                new LocalizedText(rs.getString(first + 1), rs.getString(first + 2)),
                rs.getInt(first + 3), rs.getInt(first + 4), rs.getInt(first + 5), rs.getObject(first + 6, Boolean.class));
    }

    private static Department department(ResultSet rs) throws SQLException {
        return new Department(rs.getString("code"), new LocalizedText(rs.getString("name_ms"), rs.getString("name_en")),
                rs.getString("state_code"));
    }
}
