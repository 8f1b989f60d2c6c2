package my.gov.temujanji.catalogue;

import my.gov.temujanji.platform.LocalizedText;

/** A Malaysian state or federal territory (negeri): its weekend and holidays apply to its branches. */
public record State(String code, LocalizedText name) {
}
