package my.gov.temujanji.catalogue;

import java.util.List;
import java.util.Optional;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to departments, branches and what each branch offers. */
@Service
public class Catalogue {

    private static final String BRANCH_COLUMNS =
            "b.code, b.department_code, b.state_code, b.name_ms, b.name_en, b.address";
    private static final String TYPE_COLUMNS = "t.code, t.name_ms, t.name_en, t.slot_minutes, t.lead_days, t.window_months,"
            + " t.email_confirmation";

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Department> departments() {
        return jdbc.sql("SELECT code, name_ms, name_en, state_code FROM department ORDER BY code = 'HQ' DESC, name_ms")
                .query((rs, n) -> new Department(rs.getString("code"),
                        new LocalizedText(rs.getString("name_ms"), rs.getString("name_en")), rs.getString("state_code")))
                .list();
    }

    public Optional<Department> department(String code) {
        return departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public List<Branch> branchesOf(String departmentCode) {
        return jdbc.sql("SELECT " + BRANCH_COLUMNS + " FROM branch b WHERE b.department_code = ? ORDER BY b.name_ms")
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

    /** What a branch offers, in the order of the transaction types' names. */
    public List<Offering> offeringsAt(String branchCode) {
        return offerings("o.branch_code = ?", branchCode);
    }

    public Optional<Offering> offering(String branchCode, String serviceCode) {
        return offerings("o.branch_code = ? AND o.service_code = ?", branchCode, serviceCode).stream().findFirst();
    }

    /** The branch, or the API's 404 {@code UNKNOWN_BRANCH}. */
    public Branch requireBranch(String branchCode) {
        return branch(branchCode).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_BRANCH", branchCode));
    }

    /** The offering, or the API's 404 for an unknown branch or a transaction type it does not offer. */
    public Offering requireOffering(String branchCode, String serviceCode) {
        return offering(branchCode, serviceCode).orElseThrow(() -> {
            requireBranch(branchCode); // which of the two codes is unknown decides the answer
            return new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_SERVICE", serviceCode, branchCode);
        });
    }

    private List<Offering> offerings(String condition, Object... params) {
        return jdbc.sql("SELECT " + BRANCH_COLUMNS + ", " + TYPE_COLUMNS + ", o.slot_minutes AS offered_minutes, o.capacity"
                        + " FROM offering o JOIN branch b ON b.code = o.branch_code"
                        + " JOIN transaction_type t ON t.code = o.service_code WHERE " + condition + " ORDER BY t.code")
                .params(params)
                .query((rs, n) -> new Offering(branch(rs),
                        new TransactionType(rs.getString(7), new LocalizedText(rs.getString(8), rs.getString(9)),
                                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getObject(13, Boolean.class)),
                        rs.getInt("offered_minutes"), rs.getInt("capacity")))
                .list();
    }

    private static Branch branch(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Branch(rs.getString(1), rs.getString(2), rs.getString(3),
                new LocalizedText(rs.getString(4), rs.getString(5)), rs.getString(6));
    }
}
