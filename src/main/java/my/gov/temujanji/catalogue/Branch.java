package my.gov.temujanji.catalogue;

import my.gov.temujanji.platform.LocalizedText;

/** An office where applicants go (Bahagian / Cawangan / Unit). */
public record Branch(String code, String departmentCode, String stateCode, LocalizedText name, String address) {
}
