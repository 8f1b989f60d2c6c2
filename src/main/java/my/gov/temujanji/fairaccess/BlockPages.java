package my.gov.temujanji.fairaccess;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import my.gov.temujanji.platform.DocumentNumbers;
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
class BlockPages {

    static final String PATH = "/staff/blocks";
    private static final int LISTED = 200;
    private static final int NOTE_MAX = 500;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** What the form sends, as typed. */
    record BlockForm(String documentType, String documentNumber, String email, String reason, String note,
            String lastDay) {

        static BlockForm empty() {
            return new BlockForm(null, null, null, null, null, null);
        }
    }

    /** One radio button, as the {@code fragments :: radios} fragment reads it. */
    record Option(String value, String label, String hint, boolean disabled) {
    }

    private final Blocks blocks;
    private final CurrentStaff current;
    private final MessageSource messages;
    private final Clock clock;

    BlockPages(Blocks blocks, CurrentStaff current, MessageSource messages, Clock clock) {
        this.blocks = blocks;
        this.current = current;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static StaffLink blocksLink() {
        return new StaffLink(PATH, "blocks.nav", "blocks.nav.hint", Role.BRANCH_ADMIN, 75);
    }

    @GetMapping(PATH)
    String list(Model model, Locale locale) {
        return page(BlockForm.empty(), FormErrors.none(), model, locale);
    }

    @PostMapping(PATH)
    Object place(@ModelAttribute BlockForm form, Model model, Locale locale) {
        StaffMember member = requireAdmin();
        List<FormErrors.Entry> errors = new ArrayList<>();
        String number = blank(form.documentNumber()) ? null : DocumentNumbers.normalise(form.documentNumber());
        String email = blank(form.email()) ? null : form.email().strip().toLowerCase(Locale.ROOT);
        String type = "MYKAD".equals(form.documentType()) || "PASSPORT".equals(form.documentType())
                ? form.documentType() : null;
        if (number == null && email == null) {
            errors.add(error("documentNumber", "blocks.error.subject", locale));
        } else if (number != null && email != null) {
            errors.add(error("documentNumber", "blocks.error.both", locale));
        } else if (number != null) {
            if (type == null) {
                errors.add(error("documentType", "blocks.error.documentType", locale));
            } else if ("MYKAD".equals(type) && DocumentNumbers.myKad(number) == null) {
                errors.add(error("documentNumber", "blocks.error.myKad", locale));
            } else if (!number.matches("[A-Z0-9]{6,20}")) {
                errors.add(error("documentNumber", "blocks.error.documentNumber", locale));
            }
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add(error("email", "blocks.error.email", locale));
        }
        BlockReason reason = Arrays.stream(BlockReason.values()).filter(r -> r.name().equals(form.reason())).findFirst()
                .orElse(null);
        if (reason == null) {
            errors.add(error("reason", "blocks.error.reason", locale));
        }
        String note = blank(form.note()) ? null : form.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            errors.add(new FormErrors.Entry("note", messages.getMessage("blocks.error.note", new Object[] {NOTE_MAX},
                    locale)));
        }
        LocalDate lastDay = null;
        if (blank(form.lastDay())) {
            errors.add(error("lastDay", "blocks.error.lastDay.required", locale));
        } else {
            try {
                lastDay = LocalDate.parse(form.lastDay().strip(), DAY);
                if (!lastDay.isAfter(LocalDate.now(clock))) {
                    errors.add(error("lastDay", "blocks.error.lastDay.past", locale));
                }
            } catch (DateTimeParseException e) {
                errors.add(error("lastDay", "blocks.error.lastDay.format", locale));
            }
        }
        if (!errors.isEmpty()) {
            return new ModelAndView(page(form, new FormErrors(errors), model, locale), model.asMap(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        blocks.place(new Blocks.NewBlock(number == null ? null : type, number, email, reason, note, lastDay),
                member);
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

    private FormErrors.Entry error(String field, String key, Locale locale) {
        return new FormErrors.Entry(field, messages.getMessage(key, null, locale));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
