package my.gov.temujanji.opening.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * SYSTEM_ADMIN: the waiting room switched on or off per transaction type (it covers every branch), each
 * change written to the audit log in its own transaction.
 */
@Controller
@RequiredArgsConstructor
class OpeningSwitchPages {

    static final String PATH = "/staff/admin/opening";

    private final Releases releases;
    private final Catalogue catalogue;
    private final AuditLog audit;

    @Bean
    static StaffLink openingLink() {
        return new StaffLink(PATH, "opening.nav", "opening.nav.hint", Role.SYSTEM_ADMIN, 87);
    }

    record Setting(TransactionType type, boolean waitingRoom) {
    }

    @GetMapping(PATH)
    String settings(Model model, Locale locale) {
        List<Setting> settings = catalogue.transactionTypes().stream()
                .map(type -> new Setting(type, releases.waitingRoomOn(type.code()))).toList();
        model.addAttribute("settings", settings);
        return "opening/switch";
    }

    @PostMapping(PATH + "/{service}")
    @Transactional
    public RedirectView change(@PathVariable String service, @RequestParam boolean waitingRoom) {
        if (catalogue.transactionTypes().stream().noneMatch(type -> type.code().equals(service))) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_SERVICE", service);
        }
        boolean before = releases.switchWaitingRoom(service, waitingRoom);
        audit.record("OPENING_WAITING_ROOM_SWITCH", "transaction_type", service, null, Map.of("waitingRoom", before),
                Map.of("waitingRoom", waitingRoom));
        return seeOther(PATH);
    }
}
