-- A branch administrator lifts only the blocks their own branches placed: each block keeps the
-- branches of the staff member who placed it (none for a system administrator, whose blocks only a
-- system administrator lifts). Blocks placed before now take their placer's branches as they are.
ALTER TABLE applicant_block ADD COLUMN branch_codes text[] NOT NULL DEFAULT '{}';
UPDATE applicant_block b
SET branch_codes = coalesce((SELECT array_agg(s.branch_code ORDER BY s.branch_code) FROM staff_branch s
                             JOIN staff_account a ON a.username = s.username
                             WHERE s.username = b.created_by AND a.role <> 'SYSTEM_ADMIN'), '{}');
