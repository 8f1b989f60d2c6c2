package my.gov.temujanji.fairaccess;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The back office's blocks page: place a block on a document or an e-mail address, see the blocks in
 * force and the past ones, lift one early. For BRANCH_ADMIN and SYSTEM_ADMIN only: a block shuts a
 * person out of every branch, so it is a supervisor's decision, not the counter officer's.
 */
@Controller
@RequiredArgsConstructor
class BlockPages {

    static final String PATH = "/staff/blocks";
    private static final int LISTED = 200;

    /** One radio button, as the {@code fragments :: radios} fragment reads it. */
    record Option(String value, String label, String hint, boolean disabled) {
    }

    private final Blocks blocks;
    private final CurrentStaff current;
    private final MessageSource messages;
    private final Clock clock;

    @Bean
    static StaffLink blocksLink() {
        return new StaffLink(PATH, "blocks.nav", "blocks.nav.hint", Role.BRANCH_ADMIN, 75);
    }

    @GetMapping(PATH)
    String list(Model model, Locale locale) {
        return page(BlockForm.empty(), FormErrors.none(), model, locale);
    }

    @PostMapping(PATH)
    Object place(@Valid @ModelAttribute BlockForm form, BindingResult result, Model model, Locale locale) {
        StaffMember member = requireAdmin();
        if (result.hasErrors()) {
            FormErrors errors = FormErrors.of(result, messages, locale, BlockForm.FIELDS);
            return new ModelAndView(page(form, errors, model, locale), model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        blocks.place(form.block(), member);
        return seeOther(PATH);
    }

    @PostMapping(PATH + "/{id}/lift")
    RedirectView lift(@PathVariable long id) {
        blocks.lift(id, requireAdmin());
        return seeOther(PATH);
    }

    private String page(BlockForm form, FormErrors errors, Model model, Locale locale) {
        StaffMember member = requireAdmin();
        LocalDate today = LocalDate.now(clock);
        List<Blocks.StaffBlock> all = blocks.staffBlocks(LISTED);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        model.addAttribute("current", all.stream().filter(b -> b.activeOn(today)).toList());
        model.addAttribute("past", all.stream().filter(b -> !b.activeOn(today)).toList());
        model.addAttribute("member", member);
        // Times as the branches read them, whatever the server's own zone.
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("documentTypes", List.of(
                new Option("MYKAD", messages.getMessage("blocks.documentType.MYKAD", null, locale), null, false),
                new Option("PASSPORT", messages.getMessage("blocks.documentType.PASSPORT", null, locale), null, false)));
        // Staff see the text the applicant will read under each reason, in the page's language.
        model.addAttribute("reasons", Arrays.stream(BlockReason.values())
                .map(r -> new Option(r.name(), messages.getMessage("blocks.reason." + r.name(), null, locale),
                        messages.getMessage(r.text(), locale), false))
                .toList());
        return "fairaccess/blocks";
    }

    private StaffMember requireAdmin() {
        StaffMember member = current.get();
        if (!member.is(Role.BRANCH_ADMIN)) {
            throw new AccessDeniedException(member.username() + " may not block applicants");
        }
        return member;
    }

}
