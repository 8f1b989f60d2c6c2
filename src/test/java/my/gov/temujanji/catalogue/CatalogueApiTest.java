package my.gov.temujanji.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogueApiTest {

    static final List<String> STATES_AND_TERRITORIES = List.of(
            "JHR", "KDH", "KTN", "MLK", "NSN", "PHG", "PRK", "PLS", "PNG", "SBH", "SWK", "SGR", "TRG", "KUL", "LBN", "PJY");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void departmentsStartWithHeadquartersAndCoverEveryStateWithNamesInBothLanguages() {
        Http.Response response = http.get("/api/v1/departments");

        assertThat(response.status()).isEqualTo(200);
        JsonNode departments = response.json();
        assertThat(departments.get(0).get("code").asString()).isEqualTo("HQ");
        List<String> states = new ArrayList<>();
        departments.forEach(d -> {
            assertThat(d.get("name").get("ms").asString()).isNotBlank();
            assertThat(d.get("name").get("en").asString()).isNotBlank();
            states.add(d.get("state").asString());
        });
        assertThat(jdbc.sql("SELECT DISTINCT state_code FROM branch").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(STATES_AND_TERRITORIES);
    }

    @Test
    void aDepartmentListsItsBranchesWithAddresses() {
        JsonNode branches = http.get("/api/v1/departments/SGR/branches").json();

        assertThat(branches).isNotEmpty();
        assertThat(branches.findValuesAsString("code")).contains("SGR-SHAH-ALAM");
        branches.forEach(b -> {
            assertThat(b.get("state").asString()).isEqualTo("SGR");
            assertThat(b.get("address").asString()).isNotBlank();
            assertThat(b.get("name").get("en").asString()).isNotBlank();
        });
    }

    @Test
    void aBranchListsTheTransactionTypesItOffersWithTheirSlotLength() {
        JsonNode services = http.get("/api/v1/branches/SGR-SHAH-ALAM/services").json();

        assertThat(services.findValuesAsString("code")).contains("VPP");
        services.forEach(s -> {
            assertThat(s.get("slotMinutes").asInt()).isBetween(5, 240);
            assertThat(s.get("name").get("ms").asString()).isNotBlank();
        });
    }

    @Test
    void everyBranchOffersAtLeastOneOfTheSevenTransactionTypes() {
        // The seven of the demo catalogue; system administration may add others (CatalogueAdminTest does).
        assertThat(jdbc.sql("SELECT code FROM transaction_type").query(String.class).list())
                .contains("RTK", "RPL", "BKE", "VPP", "BKP", "BPA", "OSP");
        assertThat(jdbc.sql("SELECT count(*) FROM branch b WHERE NOT EXISTS (SELECT 1 FROM offering o WHERE o.branch_code = b.code)")
                .query(Long.class).single()).isZero();
    }

    @Test
    void unknownCodesAreNotFoundAsProblemDetails() {
        Http.Response department = http.get("/api/v1/departments/XYZ/branches", "Accept-Language", "en");
        assertThat(department.status()).isEqualTo(404);
        assertThat(department.json().get("code").asString()).isEqualTo("UNKNOWN_DEPARTMENT");
        assertThat(department.json().get("detail").asString()).isEqualTo("There is no department with code XYZ.");

        Http.Response branch = http.get("/api/v1/branches/NOWHERE/services");
        assertThat(branch.status()).isEqualTo(404);
        assertThat(branch.json().get("code").asString()).isEqualTo("UNKNOWN_BRANCH");
        assertThat(branch.json().get("detail").asString()).isEqualTo("Tiada cawangan dengan kod NOWHERE.");

        Http.Response path = http.get("/api/v1/no-such-thing");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/branches/{branch}/services/{service}/days")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
