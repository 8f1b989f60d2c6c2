/**
 * System administration of the catalogue (pentadbiran sistem), for SYSTEM_ADMIN only under
 * {@code /staff/admin/catalogue}: departments, branches, transaction types and which branch offers
 * which type. Every change is audited with its before and after. Branches and offerings are
 * deactivated rather than deleted.
 */
package my.gov.temujanji.administration;
