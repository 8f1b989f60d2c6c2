package my.gov.temujanji.catalogue;

import my.gov.temujanji.platform.LocalizedText;

/** A department (Jabatan): the headquarters or a state immigration office. */
public record Department(String code, LocalizedText name, String stateCode) {
}
