package my.gov.temujanji.support;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.CatalogueChanges;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A branch of a test's own, in a department of its own, so that what the test changes and counts is
 * nobody else's. Made through the catalogue's API, so in a context that runs the catalogue: its demo
 * data (which is only loaded into a database without branches) has loaded by then.
 *
 * <pre>{@code
 * Branch branch = new BranchFixture(changes, catalogue, transaction).branch("BKP");
 * }</pre>
 */
public final class BranchFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Places per slot of each offering made here. */
    public static final int CAPACITY = 2;

    private final CatalogueChanges changes;
    private final Catalogue catalogue;
    private final TransactionTemplate transaction;

    public BranchFixture(CatalogueChanges changes, Catalogue catalogue, TransactionTemplate transaction) {
        this.changes = changes;
        this.catalogue = catalogue;
        this.transaction = transaction;
    }

    /**
     * A new active branch, in the state of the first department, offering the transaction type
     * {@code service} with its slot length and {@value #CAPACITY} places a slot (every branch offers one:
     * CatalogueApiTest checks it).
     */
    public Branch branch(String service) {
        String code = "FX" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String state = catalogue.allDepartments().get(0).stateCode();
        Branch branch = new Branch(code, code, state, new LocalizedText("Cawangan " + code, "Branch " + code),
                "Jalan Ujian " + code, true);
        transaction.executeWithoutResult(status -> {
            changes.create(new Department(code, new LocalizedText("Jabatan " + code, "Department " + code), state));
            changes.create(branch);
            TransactionType type = catalogue.transactionTypes().stream().filter(t -> t.code().equals(service))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No transaction type " + service));
            changes.save(new CatalogueChanges.OfferingSettings(code, service, type.slotMinutes(), CAPACITY, true));
        });
        return branch;
    }
}
