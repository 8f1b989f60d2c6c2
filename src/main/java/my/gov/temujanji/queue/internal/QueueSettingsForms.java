package my.gov.temujanji.queue.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The forms of a branch's queue settings, as they are posted. */
final class QueueSettingsForms {

    private QueueSettingsForms() {
    }

    record RulesForm(
            @NotNull(message = "{queue.settings.error.window}") @Min(value = 0, message = "{queue.settings.error.window}")
            @Max(value = 240, message = "{queue.settings.error.window}") Integer appointmentWindowMinutes,
            @NotNull(message = "{queue.settings.error.absent}") @Min(value = 1, message = "{queue.settings.error.absent}")
            @Max(value = 10, message = "{queue.settings.error.absent}") Integer absentAfterCalls) {

        static final List<String> FIELDS = List.of("appointmentWindowMinutes", "absentAfterCalls");
    }

    record WalkInForm(@NotNull String service,
            @NotNull(message = "{queue.settings.error.cap}") @Min(value = 0, message = "{queue.settings.error.cap}")
            @Max(value = 9999, message = "{queue.settings.error.cap}") Integer dailyCap) {

        static final List<String> FIELDS = List.of("dailyCap");
    }

    record CounterForm(
            @NotNull(message = "{queue.settings.error.number}") @Min(value = 1, message = "{queue.settings.error.number}")
            @Max(value = 99, message = "{queue.settings.error.number}") Integer number,
            @NotEmpty(message = "{queue.settings.error.services}") List<String> services) {

        static final List<String> FIELDS = List.of("number", "services");
    }
}
